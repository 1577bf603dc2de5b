using System.Buffers.Text;
using System.Net;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>Continuation tokens are sealed: unreadable, and refused when forged, altered, or sent to another list or caller.</summary>
public sealed class PageTokenTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _centre = null!;
    private HttpClient _other = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        (_centre, _) = await _app.CentreAsync();
        (_other, _) = await _app.CentreAsync("Osh Employment Centre", "KG");
        await HttpAssert.OkAsync(await _centre.PostProfilesAsync([.. Enumerable.Range(0, 5).Select(i => TestData.Profile($"PAGE-{i}"))]));
    }

    public async Task DisposeAsync()
    {
        _centre.Dispose();
        _other.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<string> FirstTokenAsync() =>
        (await HttpAssert.OkAsync(await _centre.GetAsync("/api/profiles?pageSize=2"))).GetProperty("continuationToken").GetString()!;

    [Fact]
    public async Task Token_LeadsToTheNextPage_IsUrlSafe_AndReadsAsNothing()
    {
        var token = await FirstTokenAsync();

        var next = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles?pageSize=2&continuationToken={token}"));

        Assert.Equal(2, next.GetProperty("items").GetArrayLength());
        Assert.Equal(Uri.EscapeDataString(token), token);
        var text = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        Assert.DoesNotContain("PAGE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1!", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WithOneCharacterChanged_Is400()
    {
        var token = await FirstTokenAsync();
        var altered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        await HttpAssert.ProblemAsync(await _centre.GetAsync($"/api/profiles?pageSize=2&continuationToken={altered}"), HttpStatusCode.BadRequest, "continuationToken");
    }

    [Fact]
    public async Task Token_OfOneCentre_IsRefusedForAnother()
    {
        var token = await FirstTokenAsync();

        await HttpAssert.ProblemAsync(await _other.GetAsync($"/api/profiles?pageSize=2&continuationToken={token}"), HttpStatusCode.BadRequest, "continuationToken");
    }

    [Fact]
    public async Task Token_OfOneList_IsRefusedForAnother()
    {
        var token = await FirstTokenAsync();

        await HttpAssert.ProblemAsync(await _centre.GetAsync($"/api/openings?continuationToken={token}"), HttpStatusCode.BadRequest, "continuationToken");
    }

    [Theory]
    [InlineData("v1:abc")]
    [InlineData("v1:a b c")]
    [InlineData("djE6Y2VudHJlfHJvdw")]
    [InlineData("AQ")]
    public async Task Token_ForgedOrMalformed_Is400(string token) =>
        await HttpAssert.ProblemAsync(await _centre.GetAsync($"/api/profiles?continuationToken={Uri.EscapeDataString(token)}"), HttpStatusCode.BadRequest, "continuationToken");
}
