using System.Net;
using System.Net.Http.Json;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>No centre can take another's positions without a trace: hires are bounded, on record after erasure, and can be given back.</summary>
public sealed class HireIntegrityTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _a = null!;
    private HttpClient _b = null!;
    private string _aId = "";
    private string _bId = "";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(await SharedAzurite.GetAsync(), new Dictionary<string, string?>
        {
            ["Reintegration:Hires:MaxForeignPerDay"] = "3",
        });
        (_a, _aId) = await _app.CentreAsync("Centre A", "TJ");
        (_b, _bId) = await _app.CentreAsync("Centre B", "TJ");
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<string> OpeningOfBAsync(string reference, int positions = 3) =>
        (await HttpAssert.OkAsync(await _b.PostOpeningsAsync(TestData.Opening(reference) with { Positions = positions })))
            .GetProperty("results")[0].GetProperty("id").GetString()!;

    private static async Task<string> ProfileAsync(HttpClient centre, string reference) =>
        (await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profile(reference)))).GetProperty("results")[0].GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> HireAsync(HttpClient centre, string profileId, string openingId) =>
        centre.PostAsJsonAsync("/api/placements", new { profileId, openingId, outcome = "hired" });

    [Fact]
    public async Task Drain_HireOnAnothersOpeningThenErase_IsBoundedOnRecordAndCanBeGivenBack()
    {
        var opening = await OpeningOfBAsync("B-1");

        // As in the security probe: create a person, hire them into B's opening, erase them; again and again.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var person = await ProfileAsync(_a, $"CLONE-{i}");
            statuses.Add((await HireAsync(_a, person, opening)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await _a.DeleteAsync($"/api/profiles/{person}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
        var hires = (await HttpAssert.OkAsync(await _b.GetAsync($"/api/openings/{opening}/hires"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, hires.Count);
        Assert.All(hires, h => Assert.Equal(_aId, h.GetProperty("centreId").GetString()));
        Assert.DoesNotContain("CLONE", (await _b.GetStringAsync($"/api/openings/{opening}/hires")), StringComparison.Ordinal);

        foreach (var hire in hires)
        {
            var released = await HttpAssert.OkAsync(await _b.PostAsJsonAsync(
                $"/api/openings/{opening}/hires/{hire.GetProperty("id").GetString()}/release", new { reason = "Nobody of centre A started work." }));
            Assert.True(released.GetProperty("released").GetBoolean());
            Assert.Equal(_bId, released.GetProperty("releasedBy").GetString());
        }

        Assert.Equal(0, (await HttpAssert.OkAsync(await _b.GetAsync($"/api/openings/{opening}"))).GetProperty("positionsFilled").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await HireAsync(_b, await ProfileAsync(_b, "OWN"), opening)).StatusCode);
        Assert.Equal(3, (await HttpAssert.OkAsync(await _b.GetAsync($"/api/openings/{opening}/hires"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Hires_OfOthersOpenings_AreBoundedPerDay_With429AndRetryAfter()
    {
        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var opening = await OpeningOfBAsync($"B-DAY-{i}");
            outcomes.Add((await HireAsync(_a, await ProfileAsync(_a, $"DAY-{i}"), opening)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], outcomes);
        var refused = await HireAsync(_a, await ProfileAsync(_a, "DAY-X"), await OpeningOfBAsync("B-DAY-X"));
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Hires_OfOwnOpenings_AreNotBounded()
    {
        var opening = (await HttpAssert.OkAsync(await _a.PostOpeningsAsync(TestData.Opening("A-OWN") with { Positions = 5 })))
            .GetProperty("results")[0].GetProperty("id").GetString()!;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await HireAsync(_a, await ProfileAsync(_a, $"OWN-{i}"), opening)).StatusCode);
        }
    }

    [Fact]
    public async Task Hires_AreSeenAndGivenBackOnlyByThePublisherOrTheAdmin()
    {
        var opening = await OpeningOfBAsync("B-SEEN");
        await HireAsync(_a, await ProfileAsync(_a, "SEEN"), opening);
        var hireId = (await HttpAssert.OkAsync(await _b.GetAsync($"/api/openings/{opening}/hires"))).GetProperty("items")[0].GetProperty("id").GetString();
        using var admin = _app.Admin();

        await HttpAssert.ProblemAsync(await _a.GetAsync($"/api/openings/{opening}/hires"), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await _a.PostAsJsonAsync($"/api/openings/{opening}/hires/{hireId}/release", new { reason = "mine" }), HttpStatusCode.Forbidden);
        Assert.Single((await HttpAssert.OkAsync(await admin.GetAsync($"/api/openings/{opening}/hires"))).GetProperty("items").EnumerateArray());
        await HttpAssert.OkAsync(await admin.PostAsJsonAsync($"/api/openings/{opening}/hires/{hireId}/release", new { reason = "Reported by B." }));
        await HttpAssert.ProblemAsync(await _b.PostAsJsonAsync($"/api/openings/{opening}/hires/{hireId}/release", new { reason = "again" }), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await _b.PostAsJsonAsync($"/api/openings/{opening}/hires/{hireId}/release", new { reason = "" }), HttpStatusCode.BadRequest, "reason");
        await HttpAssert.ProblemAsync(await _b.PostAsJsonAsync($"/api/openings/{opening}/hires/not-a-hire/release", new { reason = "x" }), HttpStatusCode.NotFound);
    }
}
