using System.Net;
using System.Net.Http.Json;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

public sealed class CentreApiTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreateCentre_AsAdmin_Returns201WithTheKeyOnce()
    {
        using var admin = _app.Admin();

        var created = await HttpAssert.OkAsync(await admin.PostAsJsonAsync("/api/centres", new { name = "Osh Employment Centre", country = "KG", region = "Osh Region", language = "ru" }), HttpStatusCode.Created);

        Assert.StartsWith("rc_", created.GetProperty("apiKey").GetString(), StringComparison.Ordinal);
        using var centre = _app.ClientWithKey(created.GetProperty("apiKey").GetString());
        var me = await HttpAssert.OkAsync(await centre.GetAsync("/api/centres/me"));
        Assert.Equal(created.GetProperty("id").GetString(), me.GetProperty("id").GetString());
        Assert.Equal("Osh Employment Centre", me.GetProperty("name").GetString());
        Assert.False(me.TryGetProperty("apiKey", out _));
    }

    [Fact]
    public async Task CreateCentre_WithoutKey_Is401_WithWrongKey_Is401_WithCentreKey_Is403()
    {
        var (centre, _) = await _app.CentreAsync();
        using var none = _app.ClientWithKey(null);
        using var wrong = _app.ClientWithKey("rc_00000000000000000000000000000000_" + new string('A', 43));
        var body = new { name = "X", country = "TJ", language = "en" };

        await HttpAssert.ProblemAsync(await none.PostAsJsonAsync("/api/centres", body), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await wrong.PostAsJsonAsync("/api/centres", body), HttpStatusCode.Unauthorized);
        await HttpAssert.ProblemAsync(await centre.PostAsJsonAsync("/api/centres", body), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Me_WithTheAdminKey_Is403()
    {
        using var admin = _app.Admin();

        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/centres/me"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateCentre_BadFields_Lists400ErrorsForEach()
    {
        using var admin = _app.Admin();

        var response = await admin.PostAsJsonAsync("/api/centres", new { name = "", country = "DE", language = "fr", webhookUrl = "http://example.org/hook" });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "country", "language", "name", "webhookUrl");
    }

    [Theory]
    [InlineData("https://partner.example.org/digests", HttpStatusCode.Created)]
    [InlineData("http://127.0.0.1:9000/hook", HttpStatusCode.Created)]
    [InlineData("http://localhost:9000/hook", HttpStatusCode.Created)]
    [InlineData("ftp://example.org/hook", HttpStatusCode.BadRequest)]
    [InlineData("https://user:secret@example.org/hook", HttpStatusCode.BadRequest)]
    public async Task CreateCentre_Webhook_HttpsOrLoopbackOnly(string url, HttpStatusCode expected)
    {
        using var admin = _app.Admin();

        var response = await admin.PostAsJsonAsync("/api/centres", new { name = "Herat Employment Centre", country = "AF", language = "en", webhookUrl = url });

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook", "Must not point to this machine (loopback).")]
    [InlineData("https://localhost/hook", "Must not point to this machine (loopback).")]
    [InlineData("https://169.254.169.254/metadata/instance", "Must name its host, not give an IP address.")]
    [InlineData("https://10.1.2.3/hook", "Must name its host, not give an IP address.")]
    public async Task CreateCentre_WhereLoopbackIsNotAllowed_InternalWebhooksAre400(string url, string message)
    {
        await using var azure = await TestApp.StartAsync(
            await SharedAzurite.GetAsync(), new Dictionary<string, string?> { ["Reintegration:Webhook:AllowLoopback"] = "false" });
        using var admin = azure.Admin();

        var response = await admin.PostAsJsonAsync("/api/centres", new { name = "Herat Employment Centre", country = "AF", language = "en", webhookUrl = url });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "webhookUrl");
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("webhookUrl")[0].GetString());
    }

    [Fact]
    public async Task CreateCentre_WhereLoopbackIsNotAllowed_ANameResolvingToThisMachineIs400()
    {
        // This machine's own name resolves to one of its addresses: loopback, or its private network's.
        var name = System.Net.Dns.GetHostName();
        Assert.All(await System.Net.Dns.GetHostAddressesAsync(name), a => Assert.False(Reintegration.Validation.WebhookAddress.IsPublic(a)));
        await using var azure = await TestApp.StartAsync(
            await SharedAzurite.GetAsync(), new Dictionary<string, string?> { ["Reintegration:Webhook:AllowLoopback"] = "false" });
        using var admin = azure.Admin();

        var response = await admin.PostAsJsonAsync("/api/centres", new { name = "Herat Employment Centre", country = "AF", language = "en", webhookUrl = $"https://{name}/hook" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "webhookUrl");
        Assert.StartsWith("Its host resolves to an address inside a private network", problem.GetProperty("errors").GetProperty("webhookUrl")[0].GetString(), StringComparison.Ordinal);
    }
}
