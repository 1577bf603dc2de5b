using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reintegration.Digests;

namespace Reintegration.HostEmulator.Scenarios;

/// <summary>
/// One pass over the API as a centre and an administrator use it: health, a centre, profiles as JSON and
/// CSV, an opening, matches with reasons, a hire, a digest run and its retrieval, and the failures (a bad
/// body, a missing key, an unknown id, a storage outage). The answers come back with ids and times masked,
/// so that two runs (two modes, two table sets) can be compared as they are.
/// </summary>
public static partial class ApiScenarios
{
    /// <summary>Profile field values the scenarios send: none may appear in telemetry.</summary>
    public static readonly string[] PersonalValues =
        ["DUSH-2026-0042", "F. K.", "CSV-IMP-7", "Q. R.", "S. T.", "blueprint reading", "driving:C", "40.28"];

    private const string CsvHeader =
        "externalRef,displayName,citizenship,status,homeCountry,homeCity,occupations,languages,bans,skills,"
        + "relocationWilling,relocationCountries,consent,consentGivenOn";

    private static readonly string[] IdProperties = ["id", "profileId", "openingId", "centreId", "apiKey"];

    public static async Task<IReadOnlyList<Answer>> RunAsync(IApiTarget target)
    {
        var week = IsoWeek.Of(TimeProvider.System.GetUtcNow()).ToString();
        var answers = new List<(Answer Answer, string Raw)>();
        using var anonymous = target.Client();
        using var admin = target.Client(Scenarios.AppSettings.AdminKey);

        async Task<JsonElement> Send(string step, HttpClient client, HttpMethod method, string url, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var contentType = response.Content.Headers.ContentType?.MediaType;
            var isJson = contentType?.EndsWith("json", StringComparison.Ordinal) == true && body.Length > 0;
            var json = isJson ? JsonDocument.Parse(body).RootElement.Clone() : default;
            var problemType = contentType == "application/problem+json" ? json.GetProperty("type").GetString() : null;
            var retryAfter = response.Headers.RetryAfter?.ToString();
            answers.Add((new Answer(step, (int)response.StatusCode, contentType, problemType, retryAfter, body), body));
            return json;
        }

        await Send("health", anonymous, HttpMethod.Get, "/api/health");
        var centre = await Send("register a centre", admin, HttpMethod.Post, "/api/centres",
            Json("""{ "name": "Khujand Employment Centre", "country": "TJ", "language": "en" }"""));
        using var client = target.Client(centre.GetProperty("apiKey").GetString());
        await Send("a call without a key", anonymous, HttpMethod.Get, "/api/profiles");

        var stored = await Send("upsert a profile (JSON)", client, HttpMethod.Post, "/api/profiles", Json(ApiSamples.ProfileJson));
        var profileId = stored.GetProperty("results")[0].GetProperty("id").GetString();
        await Send("import profiles (CSV), one line rejected", client, HttpMethod.Post, "/api/profiles/import", Csv(
            CsvHeader,
            "CSV-IMP-7,Q. R.,TJ,returningMigrant,TJ,Khujand,5120:4,ru:B1,,cooking,true,KZ,true,2026-11-01",
            "CSV-IMP-8,S. T.,XX,returningMigrant,TJ,Khujand,7212:x,ru:B1,,,false,,true,2026-11-01"));
        await Send("read a profile", client, HttpMethod.Get, $"/api/profiles/{profileId}");
        // The imported person is erased again: the order of people in a digest follows their (random) ids.
        var imported = await ImportedIdAsync(client, "CSV-IMP-7");
        await Send("erase a profile", client, HttpMethod.Delete, $"/api/profiles/{imported}");

        var published = await Send("publish an opening", admin, HttpMethod.Post, "/api/openings", Json(ApiSamples.OpeningJson));
        var openingId = published.GetProperty("results")[0].GetProperty("id").GetString();
        await Send("matches with reasons", client, HttpMethod.Get, $"/api/profiles/{profileId}/matches?explain=true&top=5");
        await Send("one opening judged", client, HttpMethod.Get, $"/api/profiles/{profileId}/matches/{openingId}");
        await Send("a hire", client, HttpMethod.Post, "/api/placements",
            Json($$"""{ "profileId": "{{profileId}}", "openingId": "{{openingId}}", "outcome": "hired" }"""));
        await Send("the opening after the hire", client, HttpMethod.Get, $"/api/openings/{openingId}");

        await Send("a digest run", admin, HttpMethod.Post, $"/api/digests/{week}/run");
        await Send("the digest (JSON)", client, HttpMethod.Get, $"/api/digests/{week}");
        await Send("the latest digest (Markdown)", client, HttpMethod.Get, "/api/digests/latest?format=md");

        await Send("a body that is not JSON", client, HttpMethod.Post, "/api/profiles", Json("""{ "externalRef": """));
        await Send("a profile with invalid fields", client, HttpMethod.Post, "/api/profiles",
            Json(ApiSamples.ProfileJson.Replace("\"TJ\"", "\"XX\"", StringComparison.Ordinal)
                .Replace("\"B2\"", "\"Z9\"", StringComparison.Ordinal)));
        await Send("an unknown profile", client, HttpMethod.Get, $"/api/profiles/{new string('0', 32)}");
        await Send("the OpenAPI document", anonymous, HttpMethod.Get, "/api/openapi.json");

        target.CutStorage();
        try
        {
            await Send("a write while storage is down", client, HttpMethod.Post, "/api/profiles", Json(ApiSamples.ProfileJson));
        }
        finally
        {
            target.RestoreStorage();
        }

        return Mask(answers.Select(a => a.Answer).ToList(), answers.Select(a => a.Raw));
    }

    /// <summary>Ids (in order of first appearance) and times (and the index's age) replaced by placeholders, in every body.</summary>
    private static List<Answer> Mask(List<Answer> answers, IEnumerable<string> raws)
    {
        var ids = new List<string>();
        foreach (var raw in raws)
        {
            if (raw.StartsWith('{') || raw.StartsWith('['))
            {
                CollectIds(JsonDocument.Parse(raw).RootElement, ids);
            }
        }

        return answers.Select(a =>
        {
            var body = a.Body;
            // Longest first: a key can contain its centre's id.
            foreach (var (id, number) in ids.Select((id, i) => (id, i + 1)).OrderByDescending(x => x.id.Length))
            {
                body = body.Replace(id, $"<id{number}>", StringComparison.Ordinal);
            }

            body = Timestamp().Replace(body, "<time>");
            body = TraceId().Replace(body, "\"traceId\":\"<trace>\"");
            body = IndexAge().Replace(body, "\"ageSeconds\":<age>");
            return a with { Body = body };
        }).ToList();
    }

    private static void CollectIds(JsonElement element, List<string> ids)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (IdProperties.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String
                        && property.Value.GetString() is { Length: > 0 } id && !ids.Contains(id))
                    {
                        ids.Add(id);
                    }

                    CollectIds(property.Value, ids);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectIds(item, ids);
                }

                break;
        }
    }

    private static async Task<string> ImportedIdAsync(HttpClient client, string externalRef)
    {
        using var list = await client.GetAsync("/api/profiles");
        var items = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        return items.Single(p => p.GetProperty("externalRef").GetString() == externalRef).GetProperty("id").GetString()!;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Csv(params string[] lines) =>
        new(string.Join("\n", lines), Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}(T| )\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}| UTC)?")]
    private static partial Regex Timestamp();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    /// <summary>How long ago health's index caught up with the change log: a time, too.</summary>
    [GeneratedRegex("\"ageSeconds\":[0-9.]+")]
    private static partial Regex IndexAge();
}
