using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Reintegration.Demo.Loader;

/// <summary>An answer of the API: its status and body.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, byte[] Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>
/// The API over HTTP, as any client calls it: the key in x-api-key, JSON bodies, and retries (see
/// <see cref="RetryPolicy"/>) on 503 and on connection failures. Every write the loader makes is an
/// upsert by external reference, so sending one again is harmless; a centre registration retried
/// after a dropped connection may register the centre twice, which a demo can live with. Paths start
/// with /api and are appended to the base address (given without a trailing slash).
/// </summary>
internal sealed class ApiClient(HttpClient http, string baseUrl, RetryPolicy retry, TimeProvider time, Action<string> warn)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Sends the request, again while it is worth it; returns the final answer, whatever its status.</summary>
    /// <exception cref="ApiFailure">No answer came after the last attempt.</exception>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string apiKey, byte[]? json, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, baseUrl + path);
            request.Headers.Add("x-api-key", apiKey);
            if (json is not null)
            {
                request.Content = new ByteArrayContent(json);
                request.Content.Headers.ContentType = Json;
            }

            TimeSpan? delay;
            string why;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return new ApiResponse(response.StatusCode, body);
                }

                var retryAfter = response.Headers.TryGetValues("Retry-After", out var values)
                    ? RetryPolicy.ParseRetryAfter(values.FirstOrDefault(), time.GetUtcNow())
                    : null;
                delay = retry.DelayAfter(attempt, retryAfter);
                if (delay is null)
                {
                    return new ApiResponse(response.StatusCode, body);
                }

                why = "503 Service Unavailable";
            }
            catch (HttpRequestException e) when (e.StatusCode is null)
            {
                delay = retry.DelayAfter(attempt, null) ?? throw new ApiFailure($"{method} {path}: no answer after {attempt} attempts ({e.Message}).");
                why = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                delay = retry.DelayAfter(attempt, null) ?? throw new ApiFailure($"{method} {path}: timed out {attempt} times.");
                why = "timed out";
            }

            warn(string.Create(CultureInfo.InvariantCulture,
                $"{method} {path}: {why}; trying again in {delay.Value.TotalSeconds:0.#} s (attempt {attempt + 1} of {retry.MaxAttempts})."));
            await Task.Delay(delay.Value, time, cancellationToken);
        }
    }

    /// <summary>Sends <paramref name="body"/> and reads a 2xx answer as <typeparamref name="TResponse"/>.</summary>
    /// <exception cref="ApiFailure">Any other answer, with the problem document's title, detail and errors.</exception>
    public async Task<TResponse> PostAsync<TRequest, TResponse>(
        string path, string apiKey, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Post, path, apiKey, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, requestType), cancellationToken);
        return Read(HttpMethod.Post, path, response, responseType);
    }

    /// <summary>Reads a 2xx answer of a GET as <typeparamref name="TResponse"/>.</summary>
    /// <exception cref="ApiFailure">Any other answer.</exception>
    public async Task<TResponse> GetAsync<TResponse>(string path, string apiKey, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        Read(HttpMethod.Get, path, await SendAsync(HttpMethod.Get, path, apiKey, null, cancellationToken), responseType);

    /// <summary>A 2xx answer read as <typeparamref name="TResponse"/>.</summary>
    /// <exception cref="ApiFailure">Any other answer, or a body that is not that JSON.</exception>
    public static TResponse Read<TResponse>(HttpMethod method, string path, ApiResponse response, JsonTypeInfo<TResponse> type)
    {
        if (!response.IsSuccess)
        {
            throw ApiFailure.From($"{method} {path}", response.Status, response.Body);
        }

        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new ApiFailure($"{method} {path}: the answer was empty.");
        }
        catch (JsonException e)
        {
            throw new ApiFailure($"{method} {path}: the answer was not the JSON expected ({e.Message}).");
        }
    }
}
