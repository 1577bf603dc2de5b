using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Standalone;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>Every access to personal data is on record before it is answered; a centre reads its own records, the admin a person's.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private static readonly string ThisWeek = Reintegration.Digests.IsoWeek.Of(TestData.Today).ToString();

    /// <summary>The HTTP functions that touch no personal data, and why: a new function must be here or be marked <see cref="PersonalDataAttribute"/>.</summary>
    private static readonly Dictionary<string, string> NoPersonalData = new(StringComparer.Ordinal)
    {
        ["CreateCentre"] = "a centre's registration",
        ["ListCentres"] = "centres",
        ["GetMyCentre"] = "the centre itself",
        ["UpdateMyCentre"] = "the centre itself",
        ["UpdateCentre"] = "a centre",
        ["RotateCentreKey"] = "a centre's key",
        ["UpsertOpenings"] = "employers' openings",
        ["GetOpening"] = "an opening",
        ["ListOpenings"] = "openings",
        ["CloseOpening"] = "an opening",
        ["ListHires"] = "positions taken, by centre and time; the person only as a one-way token that links to nothing",
        ["ReleaseHire"] = "a position given back; the person only as a one-way token",
        ["ListAudit"] = "the audit itself, read by the admin",
        ["ListMyAudit"] = "the audit itself, read by the centre",
        ["Health"] = "the service's state",
        ["OpenApi"] = "the contract",
        ["UnmatchedRoute"] = "no route",
    };

    private TestApp _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _centre = null!;
    private string _centreId = "";
    private string _profileId = "";
    private string _openingId = "";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        _admin = _app.Admin();
        (_centre, _centreId) = await _app.CentreAsync();
        _profileId = await HttpAssert.FirstIdAsync(_centre.PostProfilesAsync(TestData.Profile("AUDIT-1")));
        _openingId = await HttpAssert.FirstIdAsync(_admin.PostOpeningsAsync(TestData.Opening("AUDIT-OPENING")));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _centre.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A request to each function marked as touching personal data, in an order where each finds what it needs.</summary>
    private Dictionary<string, Func<Task<HttpResponseMessage>>> Calls() => new(StringComparer.Ordinal)
    {
        ["UpsertProfiles"] = () => _centre.PostProfilesAsync(TestData.Profile("AUDIT-2")),
        ["ImportProfiles"] = () => _centre.PostAsync("/api/profiles/import", new StringContent(
            "externalRef,displayName,citizenship,status,homeCountry,homeCity,occupations,consent,consentGivenOn\n"
            + "AUDIT-3,A. B.,TJ,returningMigrant,TJ,Khujand,7212:6,true,2026-11-01", Encoding.UTF8, "text/csv")),
        ["GetProfile"] = () => _centre.GetAsync($"/api/profiles/{_profileId}"),
        ["ListProfiles"] = () => _centre.GetAsync("/api/profiles"),
        ["ReplaceProfile"] = () => _centre.PutJsonAsync($"/api/profiles/{_profileId}", TestData.ProfileJson.Replace("DUSH-2026-0042", "AUDIT-1", StringComparison.Ordinal)),
        ["MatchProfile"] = () => _centre.GetAsync($"/api/profiles/{_profileId}/matches"),
        ["JudgeOpening"] = () => _centre.GetAsync($"/api/profiles/{_profileId}/matches/{_openingId}"),
        ["MatchAdHoc"] = () => _centre.PostJsonAsync("/api/matches", TestData.ProfileJson),
        ["RecordPlacement"] = () => _centre.PostAsJsonAsync("/api/placements", new { profileId = _profileId, openingId = _openingId, outcome = "applied" }),
        ["RunDigest"] = () => _admin.PostAsync($"/api/digests/{ThisWeek}/run", null),
        ["GetDigest"] = () => _centre.GetAsync($"/api/digests/{ThisWeek}"),
        ["GetDigestHtml"] = () => _centre.GetAsync($"/api/digests/{ThisWeek}/html"),
        ["GetDigestMarkdown"] = () => _centre.GetAsync($"/api/digests/{ThisWeek}/markdown"),
        ["GetLatestDigest"] = () => _centre.GetAsync("/api/digests/latest"),
        ["GetLatestDigestHtml"] = () => _centre.GetAsync("/api/digests/latest/html"),
        ["GetLatestDigestMarkdown"] = () => _centre.GetAsync("/api/digests/latest/markdown"),
        ["ExportProfile"] = () => _centre.GetAsync($"/api/profiles/{_profileId}/export"),
        ["EraseProfile"] = () => _centre.DeleteAsync($"/api/profiles/{_profileId}"),
    };

    [Fact]
    public void EveryHttpFunction_IsMarkedAsTouchingPersonalData_OrListedAsTouchingNone()
    {
        var functions = FunctionCatalog.Discover([typeof(PersonalDataAttribute).Assembly]).Http;
        var calls = Calls();

        foreach (var function in functions)
        {
            var marked = function.Method.GetCustomAttribute<PersonalDataAttribute>() is not null;
            Assert.True(marked != NoPersonalData.ContainsKey(function.Name),
                $"{function.Name}: mark it [PersonalData] (and add a call to it here) or list it as touching none, with why.");
            Assert.True(!marked || calls.ContainsKey(function.Name), $"{function.Name} touches personal data: add a call to it to {nameof(Calls)}.");
        }

        Assert.Empty(calls.Keys.Except(functions.Select(f => f.Name)));
    }

    [Fact]
    public async Task EveryFunctionTouchingPersonalData_IsOnRecord_WithWhoWhatAndTheOutcome()
    {
        foreach (var (function, call) in Calls())
        {
            using var response = await call();
            Assert.True(response.IsSuccessStatusCode, $"{function}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var records = await AllAsync(_centre, "/api/audit/me");
        var admin = await AllAsync(_admin, $"/api/audit?profileId={_profileId}");
        foreach (var function in Calls().Keys.Where(f => f != "RunDigest"))
        {
            Assert.Contains(records, r => r.GetProperty("operation").GetString() == function && r.GetProperty("actor").GetString() == _centreId);
        }

        var get = records.First(r => r.GetProperty("operation").GetString() == "GetProfile");
        Assert.Equal(_profileId, get.GetProperty("profileId").GetString());
        Assert.Equal("GET /api/profiles/{id}", get.GetProperty("route").GetString());
        Assert.Equal(200, get.GetProperty("outcome").GetInt32());
        Assert.Equal(JsonValueKind.Null, records.First(r => r.GetProperty("operation").GetString() == "MatchAdHoc").GetProperty("profileId").ValueKind);
        Assert.Equal(204, records.First(r => r.GetProperty("operation").GetString() == "EraseProfile").GetProperty("outcome").GetInt32());
        Assert.All(admin, r => Assert.Equal(_profileId, r.GetProperty("profileId").GetString()));
        Assert.Contains(admin, r => r.GetProperty("operation").GetString() == "GetDigest");
        await HttpAssert.ProblemAsync(await _admin.GetAsync("/api/audit/me"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RefusedAccess_IsOnRecordWithItsOutcome_AndACentreSeesOnlyItsOwnRecords()
    {
        var (other, _) = await _app.CentreAsync("Osh Employment Centre", "KG");
        using var _ = other;

        await HttpAssert.ProblemAsync(await other.GetAsync($"/api/profiles/{_profileId}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.GetAsync("/api/profiles/not-an-id%0A"), HttpStatusCode.NotFound);

        var theirs = await AllAsync(other, "/api/audit/me");
        Assert.Equal(2, theirs.Count);
        Assert.All(theirs, r => Assert.Equal(404, r.GetProperty("outcome").GetInt32()));
        Assert.Equal([JsonValueKind.Null, JsonValueKind.String], theirs.Select(r => r.GetProperty("profileId").ValueKind));
        Assert.DoesNotContain(await AllAsync(_centre, "/api/audit/me"), r => r.GetProperty("outcome").GetInt32() == 404);
    }

    [Fact]
    public async Task AdminAudit_WithoutAProfileIdOrWithAnotherShape_Is400_AndACentreKeyIs403()
    {
        await HttpAssert.ProblemAsync(await _admin.GetAsync("/api/audit"), HttpStatusCode.BadRequest, "profileId");
        await HttpAssert.ProblemAsync(await _admin.GetAsync("/api/audit?profileId=abc%0A"), HttpStatusCode.BadRequest, "profileId");
        await HttpAssert.ProblemAsync(await _centre.GetAsync($"/api/audit?profileId={_profileId}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AuditPages_FollowEachOther_WithoutRepeats()
    {
        for (var i = 0; i < 5; i++)
        {
            await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{_profileId}"));
        }

        var first = await HttpAssert.OkAsync(await _centre.GetAsync("/api/audit/me?pageSize=3"));
        var token = first.GetProperty("continuationToken").GetString();
        var second = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/audit/me?pageSize=3&continuationToken={Uri.EscapeDataString(token!)}"));

        var times = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(r => r.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(6, times.Count);
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string url)
    {
        var records = new List<JsonElement>();
        string? token = null;
        do
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await HttpAssert.OkAsync(await client.GetAsync(token is null ? url : $"{url}{separator}continuationToken={Uri.EscapeDataString(token)}"));
            records.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.Clone()));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return records;
    }
}
