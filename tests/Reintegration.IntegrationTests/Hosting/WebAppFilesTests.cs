using System.Net;
using System.Text.RegularExpressions;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Hosting;

/// <summary>
/// The standalone host serves the caseworker's web app (built into wwwroot by scripts/test.sh) beside the API,
/// without taking any path of the API.
/// </summary>
public sealed partial class WebAppFilesTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")),
            "The web app is not built: scripts/test.sh builds it (scripts/build-web.mjs) before the tests.");
        _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Root_IsThePage_RevalidatedEachLoad_UnderAStrictContentSecurityPolicy()
    {
        var response = await _app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_AreCompressed_AndCachedForGood()
    {
        var page = await _app.Client.GetStringAsync("/");
        var script = ScriptPath().Match(page).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + script);
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/index.html")]
    [InlineData("/api/assets/nothing.js")]
    [InlineData("/no-such-page")]
    public async Task PathsTheAppDoesNotHave_StayProblems(string path)
    {
        var response = await _app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("src=\"(assets/main-[A-Z0-9]+\\.js)\"")]
    private static partial Regex ScriptPath();
}
