using System.Globalization;
using System.Net;
using System.Text.Json;
using Reintegration.Domain;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reference;

namespace Reintegration.IntegrationTests.Api;

public sealed class OpeningAndMatchApiTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _centre = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        (_centre, _) = await _app.CentreAsync();
        _admin = _app.Admin();
    }

    public async Task DisposeAsync()
    {
        _centre.Dispose();
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<string> PublishAsync(HttpClient client, Opening opening) =>
        (await HttpAssert.OkAsync(await client.PostOpeningsAsync(opening))).GetProperty("results")[0].GetProperty("id").GetString()!;

    private async Task<string> StoreAsync(Profile profile) =>
        (await HttpAssert.OkAsync(await _centre.PostProfilesAsync(profile))).GetProperty("results")[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task Openings_PublishGetListClose()
    {
        var id = await PublishAsync(_admin, TestData.Opening("OP-1"));
        await PublishAsync(_admin, TestData.Opening("OP-2") with { Isco = "5120", Title = "Cook" });

        var opening = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/openings/{id}"));
        Assert.Equal(("Welder", 0, false), (opening.GetProperty("title").GetString(), opening.GetProperty("positionsFilled").GetInt32(), opening.GetProperty("closed").GetBoolean()));
        var welders = await HttpAssert.OkAsync(await _centre.GetAsync("/api/openings?country=KZ&isco=7212"));
        Assert.Equal([id], welders.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/openings/{id}")).StatusCode);
        Assert.True((await HttpAssert.OkAsync(await _centre.GetAsync($"/api/openings/{id}"))).GetProperty("closed").GetBoolean());
        Assert.Equal(0, (await HttpAssert.OkAsync(await _centre.GetAsync("/api/openings?isco=7212"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Openings_ClosingAnotherPublishersOpening_Is403_AndUnknownIs404()
    {
        var id = await PublishAsync(_admin, TestData.Opening("ADMIN-OWNED"));

        await HttpAssert.ProblemAsync(await _centre.DeleteAsync($"/api/openings/{id}"), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await _centre.DeleteAsync("/api/openings/KZ-" + new string('0', 32)), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await _centre.GetAsync("/api/openings/nope"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Openings_BadFilters_Are400()
    {
        await HttpAssert.ProblemAsync(await _centre.GetAsync("/api/openings?country=ae&isco=72&pageSize=5000"), HttpStatusCode.BadRequest, "country", "isco", "pageSize");
    }

    [Fact]
    public async Task Openings_InvalidOpening_Is400WithEveryError()
    {
        var bad = TestData.Opening() with { Positions = 0, Isco = "7", ExpiresOn = TestData.Today.AddDays(-1) };

        await HttpAssert.ProblemAsync(await _admin.PostOpeningsAsync(bad), HttpStatusCode.BadRequest, "expiresOn", "isco", "positions");
    }

    [Fact]
    public async Task Matches_StoredProfile_RankedWithComponentsPathwayAndReasons()
    {
        var kz = await PublishAsync(_admin, TestData.Opening("M-KZ"));
        await PublishAsync(_admin, TestData.Opening("M-RU") with { Location = new Location { Country = "RU", City = "Moscow" } });
        var profile = await StoreAsync(TestData.Profile("M-P"));

        var result = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{profile}/matches?top=5"));

        Assert.Equal(profile, result.GetProperty("profileId").GetString());
        var match = result.GetProperty("matches").EnumerateArray().Single();
        Assert.Equal(kz, match.GetProperty("openingId").GetString());
        Assert.Equal("workPermit", match.GetProperty("pathway").GetString());
        Assert.InRange(match.GetProperty("score").GetDouble(), 0.01, 1);
        Assert.Equal(7, match.GetProperty("components").EnumerateObject().Count());
        Assert.NotEmpty(match.GetProperty("reasons").EnumerateArray());
        Assert.Equal(1, result.GetProperty("excluded").GetProperty("reentryBan").GetInt32());
        var checkedOn = ReferenceData.Shared.Mobility.Find("TJ", "KZ").VerifiedOn!.Value;
        Assert.Equal(checkedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), match.GetProperty("obtainVerifiedOn").GetString());
    }

    [Fact]
    public async Task JudgeOneOpening_SaysWhyABannedPersonIsNotOfferedIt_AndWhyAnotherIs()
    {
        var kz = await PublishAsync(_admin, TestData.Opening("J-KZ"));
        var ru = await PublishAsync(_admin, TestData.Opening("J-RU") with { Location = new Location { Country = "RU", City = "Moscow" } });
        var profile = await StoreAsync(TestData.Profile("J-P"));

        var barred = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{profile}/matches/{ru}"));
        var offered = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{profile}/matches/{kz}"));

        Assert.False(barred.GetProperty("offered").GetBoolean());
        Assert.Equal("reentryBan", barred.GetProperty("excludedBy").GetString());
        Assert.StartsWith("Ban from RU/BY ends 2030-03-01", barred.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, barred.GetProperty("match").ValueKind);
        Assert.True(offered.GetProperty("offered").GetBoolean());
        Assert.Equal("workPermit", offered.GetProperty("match").GetProperty("pathway").GetString());
        await HttpAssert.ProblemAsync(await _centre.GetAsync($"/api/profiles/{profile}/matches/KZ-{new string('0', 32)}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Matches_Refugee_NeverOfferedTheirCountryOfOrigin()
    {
        await PublishAsync(_admin, TestData.Opening("AF-1") with { Location = new Location { Country = "AF", City = "Kabul" } });
        var tj = await PublishAsync(_admin, TestData.Opening("TJ-1") with { Location = new Location { Country = "TJ", City = "Dushanbe" } });
        var refugee = TestData.Profile("REFUGEE") with
        {
            Status = PersonStatus.Refugee, Citizenship = "AF", FledCountries = ["AF"], Bans = [],
            Home = new Location { Country = "TJ", City = "Dushanbe" }, Relocation = new Relocation { Willing = true },
        };
        var id = await StoreAsync(refugee);

        var result = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{id}/matches"));

        Assert.Equal([tj], result.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("openingId").GetString()));
        Assert.Equal(1, result.GetProperty("excluded").GetProperty("nonRefoulement").GetInt32());
    }

    [Fact]
    public async Task Matches_AdHocProfile_IsMatchedAndNotStored()
    {
        await PublishAsync(_admin, TestData.Opening("ADHOC"));

        var result = await HttpAssert.OkAsync(await _centre.PostJsonAsync("/api/matches?top=3", TestData.ProfileJson));

        Assert.Equal(JsonValueKind.Null, result.GetProperty("profileId").ValueKind);
        Assert.Single(result.GetProperty("matches").EnumerateArray());
        Assert.Equal(0, (await HttpAssert.OkAsync(await _centre.GetAsync("/api/profiles"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Matches_InRussian_WhenAskedByAcceptLanguage()
    {
        await PublishAsync(_admin, TestData.Opening("RU-LANG"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/matches") { Content = new StringContent(TestData.ProfileJson, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd("ru-RU, en;q=0.5");

        var response = await _centre.SendAsync(request);
        var result = await HttpAssert.OkAsync(response);

        var reasons = result.GetProperty("matches")[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("Та же профессия", StringComparison.Ordinal));
        Assert.Contains("Та же профессия", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_Excluded_CountsEveryRuleByNameInItsOrder()
    {
        await PublishAsync(_admin, TestData.Opening("X-RU") with { Location = new Location { Country = "RU", City = "Moscow" } });
        var profile = await StoreAsync(TestData.Profile("X-P"));

        var result = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{profile}/matches"));

        Assert.Equal(
            """{"reentryBan":1,"nonRefoulement":0,"relocation":0,"closed":0,"refugeesNotAccepted":0,"licence":0}""",
            result.GetProperty("excluded").GetRawText());
    }

    [Theory]
    [InlineData("en", "The opening was closed by its publisher.")]
    [InlineData("ru-RU", "Вакансия закрыта опубликовавшим её.")]
    public async Task JudgeOneOpening_ClosedByItsPublisher_SaysSoInTheLanguageAsked(string acceptLanguage, string expected)
    {
        var opening = await PublishAsync(_admin, TestData.Opening("CLOSED-" + acceptLanguage));
        var profile = await StoreAsync(TestData.Profile("CLOSED-P-" + acceptLanguage));
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/openings/{opening}")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/profiles/{profile}/matches/{opening}");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var verdict = await HttpAssert.OkAsync(await _centre.SendAsync(request));

        Assert.Equal(("closed", expected), (verdict.GetProperty("excludedBy").GetString(), verdict.GetProperty("explanation").GetString()));
    }

    [Fact]
    public async Task Matches_BadQuery_Is400_WithoutExplain_NoReasons()
    {
        var id = await StoreAsync(TestData.Profile("Q"));
        await PublishAsync(_admin, TestData.Opening("Q-OP"));

        await HttpAssert.ProblemAsync(await _centre.GetAsync($"/api/profiles/{id}/matches?top=0&country=XX&explain=maybe"), HttpStatusCode.BadRequest, "country", "explain", "top");
        var quiet = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{id}/matches?explain=false"));
        Assert.Empty(quiet.GetProperty("matches")[0].GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task Placements_TwentyConcurrentHiresForThreePositions_GiveExactlyThree201s()
    {
        // Published by the centre itself: a centre may hold only some positions of another's opening.
        var opening = await PublishAsync(_centre, TestData.Opening("HIRE") with { Positions = 3 });
        var people = await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profiles(20, "H").ToArray()));
        var ids = people.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();

        var responses = await Task.WhenAll(ids.Select(id => _centre.PostJsonAsync("/api/placements",
            JsonSerializer.Serialize(new { profileId = id, openingId = opening, outcome = "hired" }))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(17, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, (await HttpAssert.OkAsync(await _centre.GetAsync($"/api/openings/{opening}"))).GetProperty("positionsFilled").GetInt32());
        var after = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{ids[0]}/matches"));
        Assert.Empty(after.GetProperty("matches").EnumerateArray());
        Assert.Equal(1, after.GetProperty("excluded").GetProperty("closed").GetInt32());
    }

    [Fact]
    public async Task Placements_OtherOutcomes_Recorded_AndUnknownsAre404Or400()
    {
        var opening = await PublishAsync(_admin, TestData.Opening("APPLY"));
        var profile = await StoreAsync(TestData.Profile("APPLIER"));

        var placement = await HttpAssert.OkAsync(await _centre.PostJsonAsync("/api/placements", JsonSerializer.Serialize(new { profileId = profile, openingId = opening, outcome = "applied" })), HttpStatusCode.Created);

        Assert.Equal("applied", placement.GetProperty("outcome").GetString());
        await HttpAssert.ProblemAsync(await _centre.PostJsonAsync("/api/placements", JsonSerializer.Serialize(new { profileId = new string('a', 32), openingId = opening, outcome = "applied" })), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await _centre.PostJsonAsync("/api/placements", JsonSerializer.Serialize(new { profileId = profile, openingId = "KZ-" + new string('0', 32), outcome = "hired" })), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await _centre.PostJsonAsync("/api/placements", JsonSerializer.Serialize(new { profileId = profile, openingId = opening, outcome = "promoted" })), HttpStatusCode.BadRequest, "outcome");
        await HttpAssert.ProblemAsync(await _centre.PostJsonAsync("/api/placements", "{}"), HttpStatusCode.BadRequest, "openingId", "outcome", "profileId");
    }
}
