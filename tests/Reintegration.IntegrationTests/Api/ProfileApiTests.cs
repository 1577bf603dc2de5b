using System.Net;
using System.Net.Http.Headers;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

public sealed class ProfileApiTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _centre = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        (_centre, _) = await _app.CentreAsync();
    }

    public async Task DisposeAsync()
    {
        _centre.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Post_OneProfile_Returns200WithItsIdAndCreated()
    {
        var body = await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profile()));

        var result = body.GetProperty("results")[0];
        Assert.Equal((0, "DUSH-2026-0042", true), (result.GetProperty("index").GetInt32(), result.GetProperty("externalRef").GetString(), result.GetProperty("created").GetBoolean()));
        var stored = await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{result.GetProperty("id").GetString()}"));
        Assert.Equal("F. K.", stored.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Post_SameProfileTwice_CreatesOne()
    {
        var first = await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profile("TWICE")));
        var second = await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profile("TWICE")));

        Assert.Equal(first.GetProperty("results")[0].GetProperty("id").GetString(), second.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.False(second.GetProperty("results")[0].GetProperty("created").GetBoolean());
        Assert.Equal(1, (await HttpAssert.OkAsync(await _centre.GetAsync("/api/profiles"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Post_ArrayWithOneBadItem_Is400NamingItAndStoresNothing()
    {
        var profiles = TestData.Profiles(5, "ARR").ToArray();
        profiles[3] = profiles[3] with { Citizenship = "XX" };

        await HttpAssert.ProblemAsync(await _centre.PostProfilesAsync(profiles), HttpStatusCode.BadRequest, "[3].citizenship");

        Assert.Equal(0, (await HttpAssert.OkAsync(await _centre.GetAsync("/api/profiles"))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Post_TheNewUsersFourMistakes_AreAnsweredTogetherEachAtItsPath()
    {
        // Two dates written 01.03.2030, a lower-case citizenship (read as TJ: codes are read in any case), and a country by name.
        var body = TestData.ProfileJson
            .Replace("\"from\": \"2025-03-01\"", "\"from\": \"01.03.2025\"", StringComparison.Ordinal)
            .Replace("\"until\": \"2030-03-01\"", "\"until\": \"01.03.2030\"", StringComparison.Ordinal)
            .Replace("\"citizenship\": \"TJ\"", "\"citizenship\": \"tj\"", StringComparison.Ordinal)
            .Replace("\"home\": { \"country\": \"TJ\"", "\"home\": { \"country\": \"Tajikistan\"", StringComparison.Ordinal);

        var problem = await HttpAssert.ProblemAsync(await _centre.PostJsonAsync("/api/profiles", body), HttpStatusCode.BadRequest,
            "bans[0].from", "bans[0].until", "home.country");

        var errors = problem.GetProperty("errors");
        Assert.Equal("Expected a date written yyyy-MM-dd, such as 2030-03-01.", errors.GetProperty("bans[0].from")[0].GetString());
        Assert.Equal("Expected a date written yyyy-MM-dd, such as 2030-03-01.", errors.GetProperty("bans[0].until")[0].GetString());
        Assert.StartsWith("Unknown country 'Tajikistan': expected one of the region's states", errors.GetProperty("home.country")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await HttpAssert.OkAsync(await _centre.GetAsync("/api/profiles"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Post_MistakesOfFourKinds_AreFourErrorsSayingWhatIsExpected()
    {
        var body = TestData.ProfileJson
            .Replace("\"until\": \"2030-03-01\"", "\"until\": \"01.03.2030\"", StringComparison.Ordinal)
            .Replace("\"years\": 6", "\"years\": \"6 years\"", StringComparison.Ordinal)
            .Replace("\"willing\": true", "\"willing\": \"yes\"", StringComparison.Ordinal)
            .Replace("\"citizenship\": \"TJ\"", "\"citizenship\": \"Tajik\"", StringComparison.Ordinal);

        var problem = await HttpAssert.ProblemAsync(await _centre.PostJsonAsync("/api/profiles", body), HttpStatusCode.BadRequest,
            "bans[0].until", "citizenship", "occupations[0].years", "relocation.willing");

        var errors = problem.GetProperty("errors");
        Assert.Equal("Expected a whole number, such as 6.", errors.GetProperty("occupations[0].years")[0].GetString());
        Assert.Equal("Expected true or false.", errors.GetProperty("relocation.willing")[0].GetString());
    }

    [Fact]
    public async Task Post_ArrayWithMistakesInTwoItems_ListsBothAndStoresNothing()
    {
        var good = TestData.ProfileJson;
        var badDate = good.Replace("\"availableFrom\": \"2026-12-01\"", "\"availableFrom\": \"tomorrow\"", StringComparison.Ordinal)
            .Replace("DUSH-2026-0042", "ITEM-1", StringComparison.Ordinal);
        var unknown = good.Replace("\"skills\":", "\"nickname\": \"F\", \"skills\":", StringComparison.Ordinal)
            .Replace("DUSH-2026-0042", "ITEM-2", StringComparison.Ordinal);

        await HttpAssert.ProblemAsync(await _centre.PostJsonAsync("/api/profiles", $"[{good},{badDate},{unknown}]"), HttpStatusCode.BadRequest,
            "[1].availableFrom", "[2].nickname");

        Assert.Empty((await HttpAssert.OkAsync(await _centre.GetAsync("/api/profiles"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Post_ArrayOfFiveHundredBrokenItems_ListsAHundredErrorsAndCountsTheRest()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("1", 500)) + "]";

        var response = await _centre.PostJsonAsync("/api/profiles", body);
        var text = await response.Content.ReadAsStringAsync();

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(100, problem.GetProperty("errors").EnumerateObject().Count());
        Assert.Contains("400 more", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(text.Length < 64 * 1024, $"the answer is {text.Length} bytes");
    }

    [Fact]
    public async Task Post_ArrayRepeatingAReference_Is400()
    {
        var profile = TestData.Profile("SAME");

        await HttpAssert.ProblemAsync(await _centre.PostProfilesAsync(profile, profile), HttpStatusCode.BadRequest, "[1].externalRef");
    }

    [Fact]
    public async Task TwoCentres_CannotSeeEachOthersProfiles()
    {
        var (other, _) = await _app.CentreAsync("Samarkand Employment Centre", "UZ");
        using var _ = other;
        var id = (await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profile("MINE")))).GetProperty("results")[0].GetProperty("id").GetString();

        await HttpAssert.ProblemAsync(await other.GetAsync($"/api/profiles/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.GetAsync($"/api/profiles/{id}/matches"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.PutJsonAsync($"/api/profiles/{id}", TestData.ProfileJson.Replace("DUSH-2026-0042", "MINE", StringComparison.Ordinal)), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.DeleteAsync($"/api/profiles/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await HttpAssert.OkAsync(await other.GetAsync("/api/profiles"))).GetProperty("items").GetArrayLength());
        await HttpAssert.OkAsync(await _centre.GetAsync($"/api/profiles/{id}"));
    }

    [Fact]
    public async Task Put_ReplacesTheProfile_AndAStaleIfMatchIs412()
    {
        var id = (await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profile("PUT")))).GetProperty("results")[0].GetProperty("id").GetString();
        var read = await _centre.GetAsync($"/api/profiles/{id}");
        var etag = read.Headers.ETag!;

        var changed = HttpAssert.Json(TestData.Profile("PUT") with { DisplayName = "A. B." }, Reintegration.ReintegrationJsonContext.Default.Profile);
        Assert.Equal("A. B.", (await HttpAssert.OkAsync(await _centre.PutJsonAsync($"/api/profiles/{id}", changed))).GetProperty("displayName").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/profiles/{id}") { Content = new StringContent(changed, System.Text.Encoding.UTF8, "application/json") };
        stale.Headers.IfMatch.Add(etag);
        await HttpAssert.ProblemAsync(await _centre.SendAsync(stale), HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("\"not-an-etag-storage-knows\"")]
    [InlineData("\"a\", \"b\"")]
    [InlineData("garbage")]
    public async Task Put_WithAnIfMatchNoVersionCanMatch_Is412(string ifMatch)
    {
        var id = (await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profile("IFM")))).GetProperty("results")[0].GetProperty("id").GetString();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/profiles/{id}") { Content = new StringContent(HttpAssert.Json(TestData.Profile("IFM"), Reintegration.ReintegrationJsonContext.Default.Profile), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        await HttpAssert.ProblemAsync(await _centre.SendAsync(request), HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Put_WithAnotherExternalRef_Is400()
    {
        var id = (await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profile("KEEP-REF")))).GetProperty("results")[0].GetProperty("id").GetString();

        await HttpAssert.ProblemAsync(await _centre.PutJsonAsync($"/api/profiles/{id}", TestData.ProfileJson.Replace("DUSH-2026-0042", "OTHER", StringComparison.Ordinal)), HttpStatusCode.BadRequest, "externalRef");
    }

    [Fact]
    public async Task Delete_ErasesThenAnswers404()
    {
        var id = (await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profile("GONE")))).GetProperty("results")[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await _centre.DeleteAsync($"/api/profiles/{id}")).StatusCode);

        await HttpAssert.ProblemAsync(await _centre.GetAsync($"/api/profiles/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await _centre.DeleteAsync($"/api/profiles/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_PagesWithTokensThatSurviveTheQueryString()
    {
        await HttpAssert.OkAsync(await _centre.PostProfilesAsync(TestData.Profiles(25, "LIST").ToArray()));

        var ids = new List<string>();
        string? token = null;
        do
        {
            var url = "/api/profiles?pageSize=10" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await HttpAssert.OkAsync(await _centre.GetAsync(url));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(25, ids.Distinct().Count());
    }

    [Fact]
    public async Task List_BadPageSizeAndToken_Are400()
    {
        await HttpAssert.ProblemAsync(await _centre.GetAsync("/api/profiles?pageSize=0"), HttpStatusCode.BadRequest, "pageSize");
        await HttpAssert.ProblemAsync(await _centre.GetAsync("/api/profiles?continuationToken=forged"), HttpStatusCode.BadRequest, "continuationToken");
    }

    [Fact]
    public async Task Post_WrongContentType_Is415()
    {
        var response = await _centre.PostAsync("/api/profiles", new StringContent(TestData.ProfileJson, System.Text.Encoding.UTF8, "text/plain"));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_BodyOver4MiB_Is413()
    {
        var huge = new ByteArrayContent(new byte[(4 * 1024 * 1024) + 10]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        await HttpAssert.ProblemAsync(await _centre.PostAsync("/api/profiles", huge), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ArrayOver500_Is413()
    {
        await HttpAssert.ProblemAsync(await _centre.PostProfilesAsync(TestData.Profiles(501, "MANY").ToArray()), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ConsentNotGiven_IsRefused()
    {
        await HttpAssert.ProblemAsync(await _centre.PostProfilesAsync(TestData.Profile() with { Consent = new() { DataProcessing = false, GivenOn = TestData.Today } }),
            HttpStatusCode.BadRequest, "consent.dataProcessing");
    }
}
