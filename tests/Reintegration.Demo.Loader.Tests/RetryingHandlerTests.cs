using System.Net;
using System.Text;

namespace Reintegration.Demo.Loader.Tests;

public sealed class RetryingHandlerTests
{
    private static readonly RetryPolicy NoWait = new() { MaxAttempts = 3, BaseDelay = TimeSpan.Zero };

    [Fact]
    public async Task ServiceUnavailableThenOk_TriesAgainAndReturnsTheAnswer()
    {
        var transport = new ScriptedHandler(Unavailable(), Answer(HttpStatusCode.OK, "{}"));
        var warnings = new List<string>();

        using var response = await Send(transport, warnings, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Calls);
        Assert.Contains("503", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlwaysUnavailable_StopsAfterMaxAttemptsWithThe503()
    {
        var transport = new ScriptedHandler(Unavailable(), Unavailable(), Unavailable(), Answer(HttpStatusCode.OK, "{}"));

        using var response = await Send(transport, [], HttpMethod.Get);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(NoWait.MaxAttempts, transport.Calls);
    }

    [Fact]
    public async Task ConnectionRefusedThenOk_TriesAgain()
    {
        var transport = new ScriptedHandler(() => throw new HttpRequestException("Connection refused"), Answer(HttpStatusCode.OK, "{}"));

        using var response = await Send(transport, [], HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NeverConnects_FailsAfterMaxAttempts()
    {
        Func<HttpResponseMessage> refused = () => throw new HttpRequestException("Connection refused");
        var transport = new ScriptedHandler([.. Enumerable.Repeat(refused, 5)]);

        await Assert.ThrowsAsync<ApiFailure>(() => Send(transport, [], HttpMethod.Get));
        Assert.Equal(NoWait.MaxAttempts, transport.Calls);
    }

    [Fact]
    public async Task AttemptOverItsTimeLimit_IsTriedAgain()
    {
        var transport = new ScriptedHandler(Answer(HttpStatusCode.OK, "{}")) { HangFirst = true };
        var warnings = new List<string>();

        var policy = NoWait with { AttemptTimeout = TimeSpan.FromMilliseconds(50) };

        using var response = await Send(transport, warnings, HttpMethod.Get, policy);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("timed out", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTriedAgain_SendsItsWholeBodyEachTime()
    {
        var transport = new ScriptedHandler(Unavailable(), Answer(HttpStatusCode.OK, "{}"));

        using var response = await Send(transport, [], HttpMethod.Post, body: """[{"externalRef":"A"}]""");

        Assert.Equal(["""[{"externalRef":"A"}]""", """[{"externalRef":"A"}]"""], transport.Requests.Select(r => r.Body));
    }

    private static async Task<HttpResponseMessage> Send(
        ScriptedHandler transport, List<string> warnings, HttpMethod method, RetryPolicy? policy = null, string? body = null)
    {
        var retrying = new RetryingHandler(policy ?? NoWait, TimeProvider.System, warnings.Add) { InnerHandler = transport };
        using var http = new HttpClient(retrying);
        using var request = new HttpRequestMessage(method, "http://127.0.0.1:9/api/openings");
        if (body is not null)
        {
            request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        }

        return await http.SendAsync(request);
    }

    internal static Func<HttpResponseMessage> Unavailable() => () =>
    {
        var response = Answer(HttpStatusCode.ServiceUnavailable, "")();
        response.Headers.Add("Retry-After", "0");
        return response;
    };

    internal static Func<HttpResponseMessage> Answer(HttpStatusCode status, string json, string mediaType = "application/json") =>
        () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };
}

/// <summary>Answers each request with the next scripted answer, and records what was sent.</summary>
internal sealed class ScriptedHandler(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
{
    public int Calls { get; private set; }

    /// <summary>Whether the first request never gets an answer (until it is cancelled).</summary>
    public bool HangFirst { get; init; }

    public List<(string Uri, string? Key, string? MediaType, string? Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValues("x-api-key", out var keys) ? keys.SingleOrDefault() : null;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.RequestUri!.ToString(), key, request.Content?.Headers.ContentType?.MediaType, body));
        if (HangFirst && Calls++ == 0)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return answers[HangFirst ? Calls - 2 : Calls++]();
    }
}
