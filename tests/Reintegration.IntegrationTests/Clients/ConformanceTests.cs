using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Microsoft.Kiota.Serialization.Json;
using Reintegration.Client;
using Reintegration.Client.Models;
using Reintegration.Digests;
using Reintegration.IntegrationTests.Infrastructure;
using ProfilesBody = Reintegration.Client.Api.Profiles.ProfilesRequestBuilder.ProfilesPostRequestBody;
using OpeningsBody = Reintegration.Client.Api.Openings.OpeningsRequestBuilder.OpeningsPostRequestBody;

namespace Reintegration.IntegrationTests.Clients;

/// <summary>
/// The whole API, through the generated .NET client only (src/Reintegration.Client), against the app on
/// Azurite: every answer is read into the client's types and written back, and must equal the JSON that
/// came over the wire (a null the client leaves out counts as the same; nothing else may be lost). Every
/// kind of error arrives as the client's ProblemDetails, with the problem's detail as its message.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly string ThisWeek = IsoWeek.Of(TestData.Today).ToString();

    [Fact]
    public async Task WholeScenario_ThroughTheGeneratedClient_LosesNothingOfAnyAnswer()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        var wire = new RecordingHandler();
        // Kiota's middleware without its retries: an error must reach the test as it was answered.
        using var http = ReintegrationClientFactory.CreateHttpClient(wire, [new RetryHandlerOption { MaxRetry = 0 }]);
        var api = new Scenario(app.Client.BaseAddress!, http, wire);
        var admin = api.As(TestApp.AdminKey);

        // Health, and a centre registered, listed, read and changed.
        await api.Conforms(() => admin.Api.Health.GetAsync());
        var registered = await api.Conforms(() => admin.Api.Centres.PostAsync(
            new CentreRequest { Name = "Khujand Employment Centre", Country = "TJ", Region = "Sughd", Language = ServiceLanguage.En }));
        var centre = api.As(registered.ApiKey!);
        var listed = await api.Conforms(() => admin.Api.Centres.GetAsync(q => q.QueryParameters.PageSize = 10));
        Assert.Equal([registered.Id], listed.Items!.Select(c => c.Id));
        Assert.Equal(registered.Id, (await api.Conforms(() => centre.Api.Centres.Me.GetAsync())).Id);
        var changed = await api.Conforms(() => centre.Api.Centres.Me.PatchAsync(new CentrePatch { Language = ServiceLanguage.Ru }));
        Assert.Equal(ServiceLanguage.Ru, changed.Language);
        await api.Conforms(() => admin.Api.Centres[registered.Id].PatchAsync(new CentrePatch { Language = ServiceLanguage.En }));

        // Profiles: one, then many; read with the ETag, replaced under If-Match, listed a page at a time.
        var person = Scenario.Profile("DUSH-2026-0042");
        var one = await api.Conforms(() => centre.Api.Profiles.PostAsync(new ProfilesBody { ProfilesPostRequestBodyProfile = person }));
        var personId = Assert.Single(one.Results!).Id!;
        var many = await api.Conforms(() => centre.Api.Profiles.PostAsync(
            new ProfilesBody { Profile = [.. Enumerable.Range(1, 4).Select(i => Scenario.Profile($"DUSH-2026-100{i}"))] }));
        Assert.Equal([0, 1, 2, 3], many.Results!.Select(r => r.Index));
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var stored = await api.Conforms(() => centre.Api.Profiles[personId].GetAsync(r => r.Options.Add(headers)));
        Assert.Equal(PersonStatus.ReturningMigrant, stored.Status);
        var etag = Assert.Single(headers.ResponseHeaders["ETag"]);
        person.DisplayName = "F. K. (moved)";
        var replaced = await api.Conforms(() => centre.Api.Profiles[personId].PutAsync(person, r => r.Headers.Add("If-Match", etag)));
        Assert.Equal("F. K. (moved)", replaced.DisplayName);
        Assert.Equal(5, (await api.AllPagesAsync(token => centre.Api.Profiles.GetAsync(q =>
        {
            q.QueryParameters.PageSize = 2;
            q.QueryParameters.ContinuationToken = token;
        }), page => (page.Items!.Count, page.ContinuationToken))));
        var imported = await api.Conforms(() => centre.Api.Profiles.Import.PostAsync(Scenario.Csv()));
        Assert.Equal((1, 3), (imported.Created, Assert.Single(imported.Rejected!).Line));

        // Openings: one, then many; listed by country a page at a time; read.
        var welder = await api.Conforms(() => admin.Api.Openings.PostAsync(
            new OpeningsBody { OpeningsPostRequestBodyOpening = Scenario.Opening("KZ-1", "KZ") }));
        var openingId = Assert.Single(welder.Results!).Id!;
        var more = await api.Conforms(() => admin.Api.Openings.PostAsync(
            new OpeningsBody { Opening = [Scenario.Opening("KZ-2", "KZ"), Scenario.Opening("RU-1", "RU")] }));
        var banned = more.Results![1].Id!;
        Assert.Equal(2, await api.AllPagesAsync(token => admin.Api.Openings.GetAsync(q =>
        {
            q.QueryParameters.Country = "KZ";
            q.QueryParameters.PageSize = 1;
            q.QueryParameters.ContinuationToken = token;
        }), page => (page.Items!.Count, page.ContinuationToken)));
        Assert.Equal("KZ-1", (await api.Conforms(() => centre.Api.Openings[openingId].GetAsync())).ExternalRef);

        // Matches: a stored person, a walk-in, and one opening explained each way.
        var matches = await api.Conforms(() => centre.Api.Profiles[personId].Matches.GetAsync(q =>
        {
            q.QueryParameters.Top = 3;
            q.QueryParameters.Explain = true;
        }));
        Assert.Equal(2, matches.Matches!.Count);
        Assert.Equal(1, matches.Excluded!.ReentryBan);
        var walkIn = await api.Conforms(() => centre.Api.Matches.PostAsync(Scenario.Profile("WALK-IN")));
        Assert.Equal(matches.Matches.Select(m => m.OpeningId), walkIn.Matches!.Select(m => m.OpeningId));
        Assert.True((await api.Conforms(() => centre.Api.Profiles[personId].Matches[openingId].GetAsync())).Offered);
        var notOffered = await api.Conforms(() => centre.Api.Profiles[personId].Matches[banned].GetAsync());
        Assert.Equal(ExclusionReason.ReentryBan, notOffered.ExcludedBy);

        // A placement, the week's digest run, and the digest read in every representation.
        var placement = await api.Conforms(() => centre.Api.Placements.PostAsync(
            new PlacementRequest { ProfileId = personId, OpeningId = openingId, Outcome = PlacementOutcome.Interviewed }));
        Assert.Equal(PlacementOutcome.Interviewed, placement.Outcome);
        var run = await api.Conforms(() => admin.Api.Digests[ThisWeek].Run.PostAsync());
        Assert.Equal(1, run.Computed);
        var digest = await api.Conforms(() => centre.Api.Digests[ThisWeek].GetAsync(q => q.QueryParameters.Lang = ServiceLanguage.Ru));
        Assert.Contains(personId, digest.Entries!.Select(e => e.ProfileId));
        await api.Conforms(() => centre.Api.Digests.Latest.GetAsync());
        var html = await api.ConformsAsText(() => centre.Api.Digests[ThisWeek].Html.GetAsync());
        var markdown = await api.ConformsAsText(() => centre.Api.Digests[ThisWeek].Markdown.GetAsync());
        var latestHtml = await api.ConformsAsText(() => centre.Api.Digests.Latest.Html.GetAsync());
        var latestRussian = await api.ConformsAsText(
            () => centre.Api.Digests.Latest.Markdown.GetAsync(q => q.QueryParameters.Lang = ServiceLanguage.Ru));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("# Weekly digest", markdown, StringComparison.Ordinal);
        Assert.Equal(html, latestHtml);
        Assert.StartsWith("# Еженедельная сводка", latestRussian, StringComparison.Ordinal);

        // Erasure, closing an opening, and a new key.
        await centre.Api.Profiles[personId].DeleteAsync();
        await admin.Api.Openings[more.Results[0].Id].DeleteAsync();
        Assert.True((await api.Conforms(() => centre.Api.Openings[more.Results[0].Id].GetAsync())).Closed);
        var rotated = await api.Conforms(() => admin.Api.Centres[registered.Id].Keys.PostAsync());

        // One error of each kind the API answers with.
        var invalid = Scenario.Profile("BAD-1");
        invalid.Citizenship = "XX";
        await api.Problem(401, () => centre.Api.Centres.Me.GetAsync());
        centre = api.As(rotated.ApiKey!);
        var invalidBody = new ProfilesBody { ProfilesPostRequestBodyProfile = invalid };
        var badRequest = await api.Problem(400, () => centre.Api.Profiles.PostAsync(invalidBody));
        Assert.Contains("citizenship", badRequest.Errors!.AdditionalData.Keys);
        await api.Problem(403, () => centre.Api.Centres.GetAsync());
        await api.Problem(404, () => centre.Api.Profiles[personId].GetAsync());
        var twin = new CentreRequest { Name = "KHUJAND employment centre", Country = "TJ", Language = ServiceLanguage.Ru };
        await api.Problem(409, () => admin.Api.Centres.PostAsync(twin));
        var other = many.Results![0].Id!;
        var stale = Scenario.Profile("DUSH-2026-1001");
        await api.Problem(412, () => centre.Api.Profiles[other].PutAsync(stale, r => r.Headers.Add("If-Match", etag)));
        var tooMany = new ProfilesBody { Profile = [.. Enumerable.Range(0, 501).Select(i => Scenario.Profile($"BIG-{i}"))] };
        await api.Problem(413, () => centre.Api.Profiles.PostAsync(tooMany));
        await api.Problem(415, () => centre.Api.Profiles.Import.PostAsync(Scenario.Csv(), r => r.Headers.Add("Content-Type", "text/xml")));
    }

    [Fact]
    public async Task ReadmeIntegration_RunsAsWritten()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        var admin = ReintegrationClientFactory.Create(app.Client.BaseAddress!, TestApp.AdminKey);
        var centre = await admin.Api.Centres.PostAsync(
            new CentreRequest { Name = "Khujand Employment Centre", Country = "TJ", Language = ServiceLanguage.En });
        var local = Scenario.Opening("TJ-1", "KZ");
        local.Location = new Location { Country = "TJ", City = "Khujand" };
        await admin.Api.Openings.PostAsync(new OpeningsBody { OpeningsPostRequestBodyOpening = local });
        await admin.Api.Digests[ThisWeek].Run.PostAsync();
        var (baseUrl, centreKey) = (app.Client.BaseAddress!, centre!.ApiKey!);

        // The README's lines, as they are there (ReadmeIntegration_IsTheCodeThisTestRuns).
        var api = ReintegrationClientFactory.Create(baseUrl, centreKey);
        var person = new Profile { ExternalRef = "DUSH-2026-0042", DisplayName = "F. K.", Citizenship = "TJ" };
        person.Status = PersonStatus.ReturningMigrant;
        person.Home = new Location { Country = "TJ", City = "Khujand" };
        person.Occupations = [new OccupationExperience { Isco = "7212", Years = 6 }];
        person.Consent = new Consent { DataProcessing = true, GivenOn = new Date(2026, 11, 1) };
        var stored = await api.Api.Profiles.PostAsync(new() { ProfilesPostRequestBodyProfile = person }); // or { Profile = [p1, p2] }
        var found = await api.Api.Profiles[stored!.Results![0].Id].Matches.GetAsync(q => q.QueryParameters.Top = 5);
        foreach (var match in found!.Matches!) Console.WriteLine($"{match.Score:0.00} {match.Title} in {match.City}: {match.Obtain}");
        var digest = await api.Api.Digests.Latest.Markdown.GetAsync(); // the newest weekly digest, as Markdown

        Assert.Equal("Khujand", Assert.Single(found.Matches).City);
        Assert.NotNull(digest);
    }

    [Fact]
    public void ReadmeIntegration_IsTheCodeThisTestRuns()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme.IndexOf("A centre's integration in ten lines", StringComparison.Ordinal);
        var start = readme.IndexOf("```csharp", section, StringComparison.Ordinal);
        var lines = readme[(start + "```csharp".Length)..readme.IndexOf("```", start + 3, StringComparison.Ordinal)]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("//", StringComparison.Ordinal))
            .ToList();
        var test = File.ReadAllText(
            Path.Combine(RepositoryRoot.Path, "tests", "Reintegration.IntegrationTests", "Clients", $"{nameof(ConformanceTests)}.cs"));

        Assert.InRange(lines.Count, 5, 10);
        Assert.All(lines, line => Assert.Contains(line, test, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StorageDown_ReachesTheGeneratedClientAsA503Problem_WithRetryAfter()
    {
        var azurite = await SharedAzurite.GetAsync();
        await using var proxy = TcpProxy.Start(azurite.Port);
        var settings = new Dictionary<string, string?>(TestStorage.QuickResilience)
        {
            ["Reintegration:Storage"] = Azurite.ConnectionStringFor(proxy.Port),
            ["Reintegration:StorageResilience:MaxRetryAttempts"] = "1",
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:01",
            ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:02",
        };
        await using var app = await TestApp.StartAsync(azurite, settings);
        var wire = new RecordingHandler();
        using var http = ReintegrationClientFactory.CreateHttpClient(wire, [new RetryHandlerOption { MaxRetry = 0 }]);
        var api = new Scenario(app.Client.BaseAddress!, http, wire);

        proxy.Cut();
        var problem = await api.Problem(503, () => api.As(TestApp.AdminKey).Api.Centres.GetAsync());

        Assert.Contains("Retry-After", problem.ResponseHeaders.Keys);
    }

    /// <summary>Clients of one app over one recorded connection, and the checks every answer goes through.</summary>
    private sealed class Scenario(Uri app, HttpClient http, RecordingHandler wire)
    {
        private readonly Dictionary<string, ReintegrationClient> _clients = [];

        public ReintegrationClient As(string apiKey) =>
            _clients.TryGetValue(apiKey, out var client) ? client : _clients[apiKey] = ReintegrationClientFactory.Create(app, apiKey, http);

        /// <summary>Calls, and checks that the answer written back by the client is the JSON that came.</summary>
        public async Task<T> Conforms<T>(Func<Task<T?>> call)
            where T : class, IParsable
        {
            var answer = await call();
            Assert.NotNull(answer);
            AssertSameJson(wire.Last.Body, answer);
            return answer;
        }

        /// <summary>Calls a route that answers a page of text, and checks that the client gives the text that came.</summary>
        public async Task<string> ConformsAsText(Func<Task<Stream?>> call)
        {
            await using var stream = await call();
            using var reader = new StreamReader(stream!, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            Assert.Equal(wire.Last.Body, text);
            return text;
        }

        /// <summary>Calls every page, checking each; answers how many items there were.</summary>
        public async Task<int> AllPagesAsync<T>(Func<string?, Task<T?>> page, Func<T, (int Count, string? Next)> read)
            where T : class, IParsable
        {
            var (total, token) = (0, (string?)null);
            do
            {
                var (count, next) = read(await Conforms(() => page(token)));
                (total, token) = (total + count, next);
            }
            while (token is not null);
            return total;
        }

        /// <summary>Calls, and checks that the client throws the problem that came, with its detail as the message.</summary>
        public async Task<ProblemDetails> Problem(int status, Func<Task> call)
        {
            var problem = await Assert.ThrowsAsync<ProblemDetails>(call);
            Assert.Equal(status, problem.ResponseStatusCode);
            Assert.Equal(status, problem.Status);
            Assert.False(string.IsNullOrEmpty(problem.Detail));
            Assert.Equal(problem.Detail, problem.Message);
            Assert.Equal("application/problem+json", wire.Last.MediaType);
            AssertSameJson(wire.Last.Body, problem);
            return problem;
        }

        public static Profile Profile(string externalRef)
        {
            var profile = Read(ApiSamples.ProfileJson, Client.Models.Profile.CreateFromDiscriminatorValue);
            profile.ExternalRef = externalRef;
            return profile;
        }

        /// <summary>The API's welder's opening (its dates kept in the future), in <paramref name="country"/>.</summary>
        public static Opening Opening(string externalRef, string country)
        {
            var json = JsonSerializer.Serialize(TestData.Opening(externalRef), ReintegrationJsonContext.Default.Opening);
            var opening = Read(json, Client.Models.Opening.CreateFromDiscriminatorValue);
            opening.Location = country == "KZ"
                ? opening.Location
                : new Location { Country = "RU", City = "Moscow", Lat = 55.76, Lon = 37.62 };
            return opening;
        }

        /// <summary>A CSV file of two people: one valid, one whose status is not one of the contract's.</summary>
        public static MemoryStream Csv() => new(Encoding.UTF8.GetBytes(
            "externalRef,displayName,citizenship,status,homeCountry,homeCity,occupations,consent,consentGivenOn\n"
            + "CSV-1,A. B.,TJ,returningMigrant,TJ,Khujand,7212:3,true,2026-11-01\n"
            + "CSV-2,C. D.,TJ,tourist,TJ,Khujand,7212:3,true,2026-11-01\n"));

        private static T Read<T>(string json, ParsableFactory<T> factory)
            where T : IParsable => new JsonParseNode(JsonDocument.Parse(json).RootElement).GetObjectValue(factory)!;

        private static void AssertSameJson(string raw, IParsable answer)
        {
            using var writer = new JsonSerializationWriter();
            writer.WriteObjectValue(null, answer);
            var written = JsonNode.Parse(writer.GetSerializedContent());
            var came = WithoutNulls(JsonNode.Parse(raw));
            Assert.True(
                JsonNode.DeepEquals(came, written),
                $"Lost: {FirstDifference("$", came, written)}\ncame: {came?.ToJsonString()}\nwritten: {written?.ToJsonString()}");
        }

        private static JsonNode? WithoutNulls(JsonNode? node) => node switch
        {
            JsonObject o => new JsonObject(
                o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
            JsonArray a => new JsonArray([.. a.Select(WithoutNulls)]),
            _ => node?.DeepClone(),
        };

        private static string FirstDifference(string path, JsonNode? came, JsonNode? written)
        {
            switch (came, written)
            {
                case (JsonObject a, JsonObject b):
                    foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                    {
                        if (!JsonNode.DeepEquals(a[name], b[name]))
                        {
                            return FirstDifference($"{path}.{name}", a[name], b[name]);
                        }
                    }

                    return path;
                case (JsonArray a, JsonArray b) when a.Count == b.Count:
                    var index = Enumerable.Range(0, a.Count).First(i => !JsonNode.DeepEquals(a[i], b[i]));
                    return FirstDifference($"{path}[{index}]", a[index], b[index]);
                default:
                    return $"{path}: {came?.ToJsonString() ?? "(none)"} came, {written?.ToJsonString() ?? "(none)"} written";
            }
        }
    }
}
