using System.Net;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>What no function serves is answered as a problem like every other error, with the same type base.</summary>
public sealed class UnmatchedRouteTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/profiles/a/b/c/d")]
    [InlineData("/api")]
    public async Task UnknownRoute_Is404Problem_PointingToTheOpenApiDocument(string path)
    {
        var problem = await HttpAssert.ProblemAsync(await _app.Client.GetAsync(path), HttpStatusCode.NotFound);

        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5", problem.GetProperty("type").GetString());
        Assert.Contains("/api/openapi.json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/api/health", "GET")]
    [InlineData("PUT", "/api/profiles", "GET, POST")]
    [InlineData("POST", "/api/profiles/some-id", "DELETE, GET, PUT")]
    [InlineData("GET", "/api/placements", "POST")]
    public async Task KnownRouteWithAnotherMethod_Is405Problem_WithAllow(string method, string path, string allow)
    {
        var response = await _app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6", problem.GetProperty("type").GetString());
        Assert.Contains(allow, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathOutsideTheApi_IsAProblemWithTheSameTypeBase()
    {
        var problem = await HttpAssert.ProblemAsync(await _app.Client.GetAsync("/no-such-page"), HttpStatusCode.NotFound);

        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task KnownRoutes_AreStillServedByTheirOwnFunctions()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client.GetAsync("/api/profiles")).StatusCode);
    }
}
