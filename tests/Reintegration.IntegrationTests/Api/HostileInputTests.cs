using System.Net;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>One app and one centre for all the hostile inputs; each case must leave storage exactly as it was.</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public string CentreKey { get; private set; } = "";
    public string ProfileId { get; private set; } = "";

    /// <summary>A centre key that was valid until the admin issued the centre a new one.</summary>
    public string RotatedKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        using var admin = App.Admin();
        var created = await HttpAssert.OkAsync(await admin.PostJsonAsync("/api/centres", """{ "name": "Khujand Employment Centre", "country": "TJ", "language": "en" }"""), HttpStatusCode.Created);
        CentreKey = created.GetProperty("apiKey").GetString()!;
        using var centre = App.ClientWithKey(CentreKey);
        ProfileId = (await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profile()))).GetProperty("results")[0].GetProperty("id").GetString()!;
        var other = await HttpAssert.OkAsync(await admin.PostJsonAsync("/api/centres", """{ "name": "Osh Employment Centre", "country": "KG", "language": "ru" }"""), HttpStatusCode.Created);
        RotatedKey = other.GetProperty("apiKey").GetString()!;
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/centres/{other.GetProperty("id").GetString()}/keys", null), HttpStatusCode.Created);
    }

    /// <summary>Every entity of every table of the app, with its version.</summary>
    public async Task<List<string>> SnapshotAsync()
    {
        var entities = new List<string>();
        foreach (var table in App.Services.GetRequiredService<Tables>().All)
        {
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                entities.Add($"{table.Name}/{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}");
            }
        }

        entities.Sort(StringComparer.Ordinal);
        return entities;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class HostileInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const string Centre = "centre";
    private const string Admin = "admin";
    private const string Json = "application/json";

    public static TheoryData<string, string, string, string?, string, string, int> Cases()
    {
        var profile = TestData.ProfileJson;
        var opening = TestData.OpeningJson;
        var data = new TheoryData<string, string, string, string?, string, string, int>
        {
            // name, method, url, content type, body, key, expected status
            { "truncated JSON", "POST", "/api/profiles", Json, profile[..40], Centre, 400 },
            { "lone bracket", "POST", "/api/profiles", Json, "[", Centre, 400 },
            { "empty object", "POST", "/api/profiles", Json, "{}", Centre, 400 },
            { "null body", "POST", "/api/profiles", Json, "null", Centre, 400 },
            { "empty array", "POST", "/api/profiles", Json, "[]", Centre, 400 },
            { "array of null", "POST", "/api/profiles", Json, "[null]", Centre, 400 },
            { "empty body", "POST", "/api/profiles", Json, "", Centre, 400 },
            { "number instead of string", "POST", "/api/profiles", Json, profile.Replace("\"DUSH-2026-0042\"", "5", StringComparison.Ordinal), Centre, 400 },
            { "string instead of object", "POST", "/api/profiles", Json, """{ "home": "Khujand" }""", Centre, 400 },
            { "object instead of array", "POST", "/api/profiles", Json, """{ "occupations": { "isco": "7212" } }""", Centre, 400 },
            { "impossible date", "POST", "/api/profiles", Json, profile.Replace("2030-03-01", "2030-02-30", StringComparison.Ordinal), Centre, 400 },
            { "number beyond double", "POST", "/api/profiles", Json, profile.Replace("\"years\": 6", "\"years\": 1e400", StringComparison.Ordinal), Centre, 400 },
            { "amount beyond decimal", "POST", "/api/profiles", Json, profile.Replace("\"amount\": 4000", "\"amount\": 1e40", StringComparison.Ordinal), Centre, 400 },
            { "years beyond int", "POST", "/api/profiles", Json, profile.Replace("\"years\": 6", "\"years\": 99999999999", StringComparison.Ordinal), Centre, 400 },
            { "latitude 1e308", "POST", "/api/profiles", Json, profile.Replace("\"lat\": 40.28", "\"lat\": 1e308", StringComparison.Ordinal), Centre, 400 },
            { "NaN", "POST", "/api/profiles", Json, profile.Replace("\"lat\": 40.28", "\"lat\": NaN", StringComparison.Ordinal), Centre, 400 },
            { "null home", "POST", "/api/profiles", Json, profile.Replace("\"home\": { \"country\": \"TJ\", \"city\": \"Khujand\", \"lat\": 40.28, \"lon\": 69.62 }", "\"home\": null", StringComparison.Ordinal), Centre, 400 },
            { "null consent", "POST", "/api/profiles", Json, profile.Replace("\"consent\": { \"dataProcessing\": true, \"givenOn\": \"2026-11-01\" }", "\"consent\": null", StringComparison.Ordinal), Centre, 400 },
            { "null in a list of objects", "POST", "/api/profiles", Json, profile.Replace("[ { \"code\": \"ru\"", "[ null, { \"code\": \"ru\"", StringComparison.Ordinal), Centre, 400 },
            { "null list", "POST", "/api/profiles", Json, profile.Replace("\"skills\": [ \"mig welding\", \"blueprint reading\" ]", "\"skills\": null", StringComparison.Ordinal), Centre, 400 },
            { "10,000-item array", "POST", "/api/profiles", Json, "[" + string.Join(",", Enumerable.Repeat(profile, 10_000)) + "]", Centre, 413 },
            { "5 MiB string", "POST", "/api/profiles", Json, profile.Replace("F. K.", new string('x', 5 * 1024 * 1024), StringComparison.Ordinal), Centre, 413 },
            { "3 MiB display name", "POST", "/api/profiles", Json, profile.Replace("F. K.", new string('x', 3 * 1024 * 1024), StringComparison.Ordinal), Centre, 400 },
            { "control character", "POST", "/api/profiles", Json, profile.Replace("F. K.", "F.\\u0000K.", StringComparison.Ordinal), Centre, 400 },
            { "bell character", "POST", "/api/profiles", Json, profile.Replace("F. K.", "F.\\u0007K.", StringComparison.Ordinal), Centre, 400 },
            { "right-to-left override", "POST", "/api/profiles", Json, profile.Replace("mig welding", "\u202Egnidlew gim", StringComparison.Ordinal), Centre, 400 },
            { "right-to-left isolate in a reference", "POST", "/api/profiles", Json, profile.Replace("DUSH-2026-0042", "DUSH\u2067-0042", StringComparison.Ordinal), Centre, 400 },
            { "unpaired surrogate", "POST", "/api/profiles", Json, profile.Replace("F. K.", "F.\\uD800K.", StringComparison.Ordinal), Centre, 400 },
            { "deep nesting", "POST", "/api/profiles", Json, string.Concat(Enumerable.Repeat("{\"home\":", 200)) + "1" + new string('}', 200), Centre, 400 },
            { "comments", "POST", "/api/profiles", Json, "{ /* hi */ \"externalRef\": \"A\" }", Centre, 400 },
            { "trailing comma", "POST", "/api/profiles", Json, profile.TrimEnd().TrimEnd('}') + ",}", Centre, 400 },
            { "unknown property", "POST", "/api/profiles", Json, profile.Replace("\"displayName\"", "\"passportNumber\": \"AB123\", \"displayName\"", StringComparison.Ordinal), Centre, 400 },
            { "status as a number", "POST", "/api/profiles", Json, profile.Replace("\"returningMigrant\"", "1", StringComparison.Ordinal), Centre, 400 },
            { "unknown status", "POST", "/api/profiles", Json, profile.Replace("\"returningMigrant\"", "\"deportee\"", StringComparison.Ordinal), Centre, 400 },
            { "OData in a country code", "POST", "/api/profiles", Json, profile.Replace("\"citizenship\": \"TJ\"", "\"citizenship\": \"TJ' or '1' eq '1\"", StringComparison.Ordinal), Centre, 400 },
            { "missing content type", "POST", "/api/profiles", null, profile, Centre, 415 },
            { "XML content type", "POST", "/api/profiles", "application/xml", profile, Centre, 415 },
            { "CSV to the JSON route", "POST", "/api/profiles", "text/csv", "externalRef\nA", Centre, 415 },
            { "JSON to the CSV route", "POST", "/api/profiles/import", Json, profile, Centre, 415 },
            { "CSV of binary garbage", "POST", "/api/profiles/import", "text/csv", "\u00ff\u00fe\u0000\u0001", Centre, 400 },
            { "CSV without required columns", "POST", "/api/profiles/import", "text/csv", "externalRef,displayName\nA,B", Centre, 400 },
            { "CSV with an injected column", "POST", "/api/profiles/import", "text/csv", "externalRef,displayName,citizenship,status,homeCountry,homeCity,occupations,consent,consentGivenOn,PartitionKey\nA,B,TJ,refugee,TJ,Khujand,7212:1,true,2026-11-01,x", Centre, 400 },
            { "quote in a profile id", "GET", "/api/profiles/x'%20or%20'1'%20eq%20'1", null, "", Centre, 404 },
            { "OData in a profile id to delete", "DELETE", "/api/profiles/'%20or%20PartitionKey%20ne%20'", null, "", Centre, 404 },
            { "profile id with a trailing newline", "GET", "/api/profiles/{profile}%0A", null, "", Centre, 404 },
            { "opening id with a trailing newline to close", "DELETE", "/api/openings/KZ-0123456789abcdef0123456789abcdef%0A", null, "", Centre, 404 },
            { "percent-encoded slash in a profile id", "GET", "/api/profiles/a%2Fb", null, "", Centre, 404 },
            { "matches for a quoted id", "GET", "/api/profiles/a'b/matches", null, "", Centre, 404 },
            { "OData in the country filter", "GET", "/api/openings?country=KZ'%20or%20PartitionKey%20ne%20'", null, "", Centre, 400 },
            { "OData in the isco filter", "GET", "/api/openings?isco=7212'%20or%20Isco%20ne%20'", null, "", Centre, 400 },
            { "forged continuation token", "GET", "/api/profiles?continuationToken=eyJub3QiOiJvdXJzIn0", null, "", Centre, 400 },
            { "continuation token with filter syntax", "GET", "/api/openings?continuationToken='%20or%20'1'%20eq%20'1", null, "", Centre, 400 },
            { "negative page size", "GET", "/api/profiles?pageSize=-1", null, "", Centre, 400 },
            { "page size not a number", "GET", "/api/profiles?pageSize=ten", null, "", Centre, 400 },
            { "page size beyond int", "GET", "/api/profiles?pageSize=99999999999", null, "", Centre, 400 },
            { "top of a billion", "GET", "/api/profiles/{profile}/matches?top=1000000000", null, "", Centre, 400 },
            { "quote in an opening id to close", "DELETE", "/api/openings/KZ-'%20or%20'1'%20eq%20'1", null, "", Centre, 404 },
            { "positions as a string", "POST", "/api/openings", Json, opening.Replace("\"positions\": 3", "\"positions\": \"3\"", StringComparison.Ordinal), Admin, 400 },
            { "latitude as a string", "POST", "/api/openings", Json, opening.Replace("\"lat\": 43.24", "\"lat\": \"43.24\"", StringComparison.Ordinal), Admin, 400 },
            { "a centre's opening that lures with a link and a phone", "POST", "/api/openings", Json, opening.Replace("\"title\": \"Welder\"", "\"title\": \"Driver - apply at https://evil.example/uz +998 90 000 0000\"", StringComparison.Ordinal), Centre, 400 },
            { "a centre's opening with an e-mail as its employer", "POST", "/api/openings", Json, opening.Replace("\"employer\": \"Almaty Metalworks LLP\"", "\"employer\": \"hr@evil.example\"", StringComparison.Ordinal), Centre, 400 },
            { "opening that expired", "POST", "/api/openings", Json, opening.Replace("\"expiresOn\": \"2027-01-01\"", "\"expiresOn\": \"2001-01-01\"", StringComparison.Ordinal), Admin, 400 },
            { "array to replace a profile", "PUT", "/api/profiles/{profile}", Json, "[" + profile + "]", Centre, 400 },
            { "array as an ad-hoc profile", "POST", "/api/matches", Json, "[" + profile + "]", Centre, 400 },
            { "invalid ad-hoc profile", "POST", "/api/matches", Json, "{}", Centre, 400 },
            { "placement with a quoted profile id", "POST", "/api/placements", Json, """{ "profileId": "a' or '1' eq '1", "openingId": "KZ-00000000000000000000000000000000", "outcome": "hired" }""", Centre, 404 },
            { "placement outcome as a number", "POST", "/api/placements", Json, """{ "profileId": "{profile}", "openingId": "x", "outcome": 2 }""", Centre, 400 },
            { "placement outcome as a comma list", "POST", "/api/placements", Json, """{ "profileId": "{profile}", "openingId": "x", "outcome": "interviewed, hired" }""", Centre, 400 },
            { "status as a comma list", "POST", "/api/profiles", Json, profile.Replace("\"returningMigrant\"", "\"returningMigrant, refugee\"", StringComparison.Ordinal), Centre, 400 },
            { "unknown route", "GET", "/api/passports", null, "", Centre, 404 },
            { "wrong method on a known route", "PATCH", "/api/profiles/{profile}", Json, profile, Centre, 405 },
            { "digest of a week that does not exist", "POST", "/api/digests/2026-W54/run", null, "", Admin, 400 },
            { "digest of a malformed week", "GET", "/api/digests/week-48", null, "", Centre, 400 },
            { "centre with a 10,000-character name", "POST", "/api/centres", Json, "{ \"name\": \"" + new string('n', 10_000) + "\", \"country\": \"TJ\", \"language\": \"en\" }", Admin, 400 },
            { "centre with an unknown field", "POST", "/api/centres", Json, """{ "name": "X", "country": "TJ", "language": "en", "apiKey": "mine" }""", Admin, 400 },
            { "centre registered by a centre", "POST", "/api/centres", Json, """{ "name": "X", "country": "TJ", "language": "en" }""", Centre, 403 },
            { "a second centre of the same name and country", "POST", "/api/centres", Json, """{ "name": "khujand employment centre", "country": "tj", "language": "ru" }""", Admin, 409 },
            { "a key the admin has replaced", "GET", "/api/profiles", null, "", "rotated", 401 },
            { "an unknown language for the centre", "PATCH", "/api/centres/me", "application/merge-patch+json", """{ "language": "uz" }""", Centre, 400 },
            { "no API key", "POST", "/api/profiles", Json, profile, "none", 401 },
            { "10,000-character API key", "GET", "/api/profiles", null, "", new string('k', 10_000), 401 },
            { "API key with filter syntax", "GET", "/api/profiles", null, "", "rc_' or '1' eq '1_x", 401 },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileInput_GetsA4xxProblem_AndStorageIsUnchanged(string name, string method, string url, string? contentType, string body, string key, int expected)
    {
        var before = await fixture.SnapshotAsync();
        using var client = fixture.App.ClientWithKey(key switch { Centre => fixture.CentreKey, Admin => TestApp.AdminKey, "rotated" => fixture.RotatedKey, "none" => null, _ => key });
        var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{profile}", fixture.ProfileId, StringComparison.Ordinal));
        if (method is "POST" or "PUT" or "PATCH")
        {
            var content = new ByteArrayContent(contentType == "text/csv" && name.Contains("garbage", StringComparison.Ordinal)
                ? [0xff, 0xfe, 0x00, 0xc3, 0x28] : Encoding.UTF8.GetBytes(body.Replace("{profile}", fixture.ProfileId, StringComparison.Ordinal)));
            if (contentType is not null)
            {
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }

            request.Content = content;
        }

        var response = await client.SendAsync(request);

        await HttpAssert.ProblemAsync(response, (HttpStatusCode)expected);
        DocumentedStatuses.AssertDocumented(method, url, expected);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task PathWithNul_IsRefusedByTheWebServerWith400_BeforeTheApp()
    {
        var before = await fixture.SnapshotAsync();
        using var client = fixture.App.ClientWithKey(fixture.CentreKey);

        var response = await client.GetAsync("/api/profiles/%00");

        // Kestrel rejects the request line itself, so no problem document is written; what matters is that it is no 500.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public void Cases_AreAtLeastFifty() => Assert.True(Cases().Count >= 50);
}
