using System.Net;
using System.Text.Json;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>Assertions on answers: a problem document with the expected status (and error paths).</summary>
public static class HttpAssert
{
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] errorPaths)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (errorPaths.Length > 0)
        {
            var paths = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(errorPaths.Order(StringComparer.Ordinal), paths);
        }

        return problem;
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static string Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    public static Task<HttpResponseMessage> PostProfilesAsync(this HttpClient client, params Reintegration.Domain.Profile[] profiles) =>
        client.PostJsonAsync("/api/profiles", profiles.Length == 1
            ? Json(profiles[0], Reintegration.ReintegrationJsonContext.Default.Profile)
            : Json(profiles.ToList(), Reintegration.ReintegrationJsonContext.Default.ListProfile));

    public static Task<HttpResponseMessage> PostOpeningsAsync(this HttpClient client, params Reintegration.Domain.Opening[] openings) =>
        client.PostJsonAsync("/api/openings", openings.Length == 1
            ? Json(openings[0], Reintegration.ReintegrationJsonContext.Default.Opening)
            : Json(openings.ToList(), Reintegration.ReintegrationJsonContext.Default.ListOpening));

    /// <summary>The id of the first item an upsert (of profiles or openings) answered with, once it answered 200.</summary>
    public static async Task<string> FirstIdAsync(Task<HttpResponseMessage> upsert) =>
        (await OkAsync(await upsert)).GetProperty("results")[0].GetProperty("id").GetString()!;
}
