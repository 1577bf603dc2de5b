using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Hosting;

/// <summary>The standalone host serves HTTP functions at their attributes' routes, over real sockets.</summary>
public sealed class StandaloneHttpTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HttpFunction_RouteParameters_BoundByNameAtAttributeRoute()
    {
        var body = await _app.Client.GetFromJsonAsync<JsonElement>("/api/test/echo/khujand/7?q=x");

        Assert.Equal("khujand", body.GetProperty("name").GetString());
        Assert.Equal(7, body.GetProperty("count").GetInt32());
        Assert.Equal("x", body.GetProperty("query").GetString());
    }

    [Fact]
    public async Task HttpFunction_RouteConstraintNotMet_Returns404Problem()
    {
        var response = await _app.Client.GetAsync("/api/test/echo/khujand/seven");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HttpFunction_MethodNotDeclared_Returns405()
    {
        var response = await _app.Client.DeleteAsync("/api/test/echo/khujand/7");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task HttpFunction_ReturningActionResult_IsExecuted()
    {
        var id = Guid.NewGuid();

        var response = await _app.Client.PostAsync($"/api/test/action/{id}", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/test/action/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(id, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task HttpFunction_CancellationTokenParameter_IsTheRequestsToken()
    {
        var body = await _app.Client.GetFromJsonAsync<JsonElement>("/api/test/wait");

        Assert.True(body.GetProperty("cancellable").GetBoolean());
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await _app.Client.GetAsync("/api/no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
