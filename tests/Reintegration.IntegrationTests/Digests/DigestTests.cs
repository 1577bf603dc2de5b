using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reintegration.Digests;
using Reintegration.Functions.Digests;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Digests;

namespace Reintegration.IntegrationTests.Digests;

public sealed class DigestTests
{
    private static readonly Dictionary<string, string?> FastWebhooks = new()
    {
        ["Reintegration:Webhook:RetryBaseDelay"] = "00:00:00.010",
        ["Reintegration:Webhook:AttemptTimeout"] = "00:00:05",
    };

    private static string ThisWeek => IsoWeek.Of(TestData.Today).ToString();

    /// <summary>An app with one centre (optionally with a webhook), and clients for the centre and the admin.</summary>
    private sealed record Scene(TestApp App, HttpClient Centre, string CentreId, HttpClient Admin) : IAsyncDisposable
    {
        public static async Task<Scene> StartAsync(string? webhookUrl = null, Dictionary<string, string?>? settings = null)
        {
            var app = await TestApp.StartAsync(await SharedAzurite.GetAsync(), settings ?? FastWebhooks);
            var (centre, id) = await app.CentreAsync(webhookUrl: webhookUrl);
            return new Scene(app, centre, id, app.Admin());
        }

        public async ValueTask DisposeAsync()
        {
            Centre.Dispose();
            Admin.Dispose();
            await App.DisposeAsync();
        }
    }

    private static async Task<List<string>> StoreProfilesAsync(HttpClient centre, int count, string prefix) =>
        (await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profiles(count, prefix).ToArray())))
            .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();

    [Fact]
    public void DueWeek_OnTimeRun_IsTheWeekItFiresIn_PastDueRun_IsTheWeekItWasDueFor()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DigestOptions.ScheduleSetting] = DigestOptions.DefaultSchedule }).Build();
        // Monday 2026-12-07 05:00 UTC: an hour before this week's occurrence.
        var beforeSix = new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-W50", DigestSchedules.DueWeek(configuration, beforeSix, isPastDue: false).ToString());
        Assert.Equal("2026-W49", DigestSchedules.DueWeek(configuration, beforeSix, isPastDue: true).ToString());
        Assert.Equal("2026-W49", DigestSchedules.DueWeek(configuration, new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero), isPastDue: true).ToString());
    }

    [Fact]
    public async Task TimerRun_WithAFakeClock_StoresTheDigestOfTheWeekItWasDueFor()
    {
        await using var scene = await Scene.StartAsync();
        var (app, centre, _, admin) = scene;
        await StoreProfilesAsync(centre, 2, "TIMER");
        // Next Monday at 05:00 UTC, an hour before that Monday's occurrence: the run missed last Monday's.
        var nextMonday = TestData.Today.AddDays(((int)DayOfWeek.Monday - (int)TestData.Today.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)TestData.Today.DayOfWeek + 7) % 7);
        var clock = new FakeTimeProvider(new DateTimeOffset(nextMonday.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));
        var mondaysAtSix = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DigestOptions.ScheduleSetting] = DigestOptions.DefaultSchedule }).Build();
        var function = new WeeklyDigestFunction(app.Services.GetRequiredService<DigestRunner>(), mondaysAtSix, clock);
        var expected = IsoWeek.Of(nextMonday).Previous;

        var report = await function.Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        Assert.Equal(expected.ToString(), report.Week);
        await HttpAssert.OkAsync(await centre.GetAsync($"/api/digests/{expected}"));
    }

    [Fact]
    public async Task RunTwiceAndConcurrently_OneDigest_IdenticalEachTime_DeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var scene = await Scene.StartAsync(receiver.Url);
        var (app, centre, centreId, admin) = scene;
        await StoreProfilesAsync(centre, 5, "TWICE");
        await HttpAssert.OkAsync(await admin.PostOpeningsAsync(Enumerable.Range(0, 6).Select(i => TestData.Opening($"TW-{i}")).ToArray()));

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.PostAsync($"/api/digests/{ThisWeek}/run", null)));
        Assert.All(runs, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var first = await (await centre.GetAsync($"/api/digests/{ThisWeek}")).Content.ReadAsStringAsync();
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));
        var second = await (await centre.GetAsync($"/api/digests/{ThisWeek}")).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        Assert.Equal(5, JsonDocument.Parse(first).RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal(1, receiver.Calls);
        var (key, body) = Assert.Single(receiver.Received);
        Assert.Equal($"{centreId}:{ThisWeek}", key);
        Assert.Equal(ThisWeek, JsonDocument.Parse(body).RootElement.GetProperty("week").GetString());
    }

    [Fact]
    public async Task Run_OnePlaceForFourPeople_ReportsCoverageAgainstTheBound_AndARerunComputesNothing()
    {
        await using var scene = await Scene.StartAsync();
        var (_, centre, _, admin) = scene;
        await StoreProfilesAsync(centre, 4, "SCARCE");
        await HttpAssert.OkAsync(await admin.PostOpeningsAsync(TestData.Opening("SCARCE-1") with { Positions = 1 }));

        var report = await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));
        var rerun = await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));

        // One position, recommended to at most ceil(3 x 1) people: three of the four can be reached, and are.
        Assert.Equal((4, 3, 3), Counts(report, "people", "covered", "coverageBound"));
        Assert.Equal((0, 0, 0), Counts(rerun, "computed", "covered", "coverageBound"));

        static (int, int, int) Counts(JsonElement report, string a, string b, string c) =>
            (report.GetProperty(a).GetInt32(), report.GetProperty(b).GetInt32(), report.GetProperty(c).GetInt32());
    }

    [Fact]
    public async Task RunCutShortAfterOneCentre_IsFinishedByTheNextRun_AsIfItHadRunOnce()
    {
        await using var scene = await Scene.StartAsync();
        var (app, centre, _, admin) = scene;
        var (other, otherId) = await app.CentreAsync("Osh Employment Centre", "KG");
        using var otherCentre = other;
        await StoreProfilesAsync(centre, 4, "CUT-A");
        await StoreProfilesAsync(other, 4, "CUT-B");
        await HttpAssert.OkAsync(await admin.PostOpeningsAsync(Enumerable.Range(0, 3).Select(i => TestData.Opening($"CUT-{i}") with { Positions = 1 }).ToArray()));
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));
        var whole = await (await other.GetAsync($"/api/digests/{ThisWeek}")).Content.ReadAsStringAsync();

        // As if the run had died after writing this centre's entries but before its header.
        await app.Services.GetRequiredService<Reintegration.Storage.Infrastructure.Tables>().Digests.DeleteEntityAsync(otherId, ThisWeek);
        await HttpAssert.ProblemAsync(await other.GetAsync($"/api/digests/{ThisWeek}"), HttpStatusCode.NotFound);
        var rerun = await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));

        Assert.Equal(1, rerun.GetProperty("computed").GetInt32());
        Assert.Equal(whole, await (await other.GetAsync($"/api/digests/{ThisWeek}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Webhook_FailingTheFirstTwoCalls_GetsTheDigestExactlyOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await using var scene = await Scene.StartAsync(receiver.Url);
        var (app, centre, centreId, admin) = scene;
        await StoreProfilesAsync(centre, 1, "RETRY");

        var report = await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));

        Assert.Equal(1, report.GetProperty("delivered").GetInt32());
        Assert.Equal(3, receiver.Calls);
        Assert.Single(receiver.Received);
        Assert.True(IsoWeek.TryParse(ThisWeek, out var week));
        Assert.Equal("delivered", await app.Services.GetRequiredService<DigestDeliveryLog>().StatusAsync(centreId, week, default));
    }

    [Fact]
    public async Task Webhook_EveryAttemptFailing_IsRetriedOnTheNextRun()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1_000);
        var settings = new Dictionary<string, string?>(FastWebhooks) { ["Reintegration:Webhook:MaxAttempts"] = "2" };
        await using var scene = await Scene.StartAsync(receiver.Url, settings);
        var (app, centre, _, admin) = scene;
        await StoreProfilesAsync(centre, 1, "DOWN");

        var failed = await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));
        receiver.FailFirst = 0;
        var retried = await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));

        Assert.Equal((0, 1), (failed.GetProperty("delivered").GetInt32(), failed.GetProperty("deliveryFailures").GetInt32()));
        Assert.Equal(1, retried.GetProperty("delivered").GetInt32());
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Digest_NoOpeningBeyondItsCap_AcrossCentres()
    {
        await using var scene = await Scene.StartAsync();
        var (app, centre, _, admin) = scene;
        var (other, _) = await app.CentreAsync("Samarkand Employment Centre", "UZ");
        using var otherCentre = other;
        await StoreProfilesAsync(centre, 12, "CAP-A");
        await StoreProfilesAsync(other, 12, "CAP-B");
        await HttpAssert.OkAsync(await admin.PostOpeningsAsync(Enumerable.Range(0, 4).Select(i => TestData.Opening($"CAP-{i}") with { Positions = 1 }).ToArray()));

        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));

        var recommended = new List<string>();
        foreach (var client in new[] { centre, other })
        {
            var digest = await HttpAssert.OkAsync(await client.GetAsync($"/api/digests/{ThisWeek}"));
            recommended.AddRange(digest.GetProperty("entries").EnumerateArray().SelectMany(e => e.GetProperty("matches").EnumerateArray()).Select(m => m.GetProperty("openingId").GetString()!));
        }

        Assert.Equal(12, recommended.Count);
        Assert.All(recommended.GroupBy(id => id), g => Assert.True(g.Count() <= 3, $"{g.Key} recommended {g.Count()} times"));
    }

    [Fact]
    public async Task Digest_ProfileErasedBeforeTheRun_DoesNotAppear_ErasedAfter_IsRemoved()
    {
        await using var scene = await Scene.StartAsync();
        var (app, centre, _, admin) = scene;
        var ids = await StoreProfilesAsync(centre, 3, "ERASE");
        await HttpAssert.OkAsync(await admin.PostOpeningsAsync(TestData.Opening("ERASE-OP")));
        Assert.Equal(HttpStatusCode.NoContent, (await centre.DeleteAsync($"/api/profiles/{ids[0]}")).StatusCode);

        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));
        var before = await HttpAssert.OkAsync(await centre.GetAsync($"/api/digests/{ThisWeek}"));
        Assert.Equal(ids[1..].Order(), before.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("profileId").GetString()).Order());

        Assert.Equal(HttpStatusCode.NoContent, (await centre.DeleteAsync($"/api/profiles/{ids[1]}")).StatusCode);
        var after = await HttpAssert.OkAsync(await centre.GetAsync($"/api/digests/{ThisWeek}"));
        Assert.Equal([ids[2]], after.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("profileId").GetString()));
    }

    [Fact]
    public async Task Digest_RendersAsHtmlMarkdownAndJson_InTheCentresLanguageOrTheOneAsked()
    {
        var app = await TestApp.StartAsync(await SharedAzurite.GetAsync(), FastWebhooks);
        await using var _ = app;
        var (centre, _) = await app.CentreAsync(language: "ru");
        using var __ = centre;
        using var admin = app.Admin();
        await StoreProfilesAsync(centre, 1, "RENDER");
        await HttpAssert.OkAsync(await admin.PostOpeningsAsync(TestData.Opening("RENDER-OP")));
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));

        var html = new HttpRequestMessage(HttpMethod.Get, "/api/digests/latest");
        html.Headers.Accept.ParseAdd("text/html");
        var page = await centre.SendAsync(html);
        var markdown = await centre.GetAsync($"/api/digests/{ThisWeek}?format=md&lang=en");
        var json = await HttpAssert.OkAsync(await centre.GetAsync($"/api/digests/{ThisWeek}?format=json"));

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Еженедельная сводка", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith("# Weekly digest", text, StringComparison.Ordinal);
        var match = json.GetProperty("entries")[0].GetProperty("matches")[0];
        var reasons = match.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!);
        Assert.Contains(reasons, r => r.StartsWith("Та же профессия", StringComparison.Ordinal));
        Assert.Contains($", checked {match.GetProperty("obtainVerifiedOn").GetString()}", text, StringComparison.Ordinal);

        var unsupported = await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/digests/{ThisWeek}?format=md&lang=uz"), HttpStatusCode.BadRequest, "lang");
        Assert.Contains("en, ru", unsupported.GetProperty("errors").GetProperty("lang")[0].GetString(), StringComparison.Ordinal);
        var uzbek = new HttpRequestMessage(HttpMethod.Get, $"/api/digests/{ThisWeek}?format=md");
        uzbek.Headers.AcceptLanguage.ParseAdd("uz");
        Assert.StartsWith("# Еженедельная сводка", await (await centre.SendAsync(uzbek)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_PageRoutes_AnswerWhatTheJsonRoutesAnswerWhenAskedForAFormat()
    {
        var app = await TestApp.StartAsync(await SharedAzurite.GetAsync(), FastWebhooks);
        await using var _ = app;
        var (centre, _) = await app.CentreAsync(language: "ru");
        using var __ = centre;
        using var admin = app.Admin();
        await StoreProfilesAsync(centre, 1, "PAGES");
        await HttpAssert.OkAsync(await admin.PostOpeningsAsync(TestData.Opening("PAGES-OP")));
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));

        foreach (var (route, format, mediaType) in new[] { ("html", "html", "text/html"), ("markdown", "md", "text/markdown") })
        {
            foreach (var digest in new[] { ThisWeek, "latest" })
            {
                var page = await centre.GetAsync($"/api/digests/{digest}/{route}?lang=en&format=json");
                var asked = await centre.GetAsync($"/api/digests/{digest}?lang=en&format={format}");

                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal(mediaType, page.Content.Headers.ContentType?.MediaType);
                Assert.Equal(await asked.Content.ReadAsStringAsync(), await page.Content.ReadAsStringAsync());
            }
        }

        await HttpAssert.ProblemAsync(await centre.GetAsync("/api/digests/2025-W53/html"), HttpStatusCode.BadRequest, "week");
        var uzbek = await centre.GetAsync($"/api/digests/{ThisWeek}/markdown?lang=uz");
        await HttpAssert.ProblemAsync(uzbek, HttpStatusCode.BadRequest, "lang");
    }

    [Fact]
    public async Task Digest_Errors_BadWeek400_None404_RunByCentre403()
    {
        await using var scene = await Scene.StartAsync();
        var (app, centre, _, admin) = scene;

        await HttpAssert.ProblemAsync(await centre.GetAsync("/api/digests/2025-W53"), HttpStatusCode.BadRequest, "week");
        await HttpAssert.ProblemAsync(await centre.GetAsync("/api/digests/2026-W01"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await centre.GetAsync("/api/digests/latest"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await centre.PostAsync($"/api/digests/{ThisWeek}/run", null), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await admin.PostAsync("/api/digests/someday/run", null), HttpStatusCode.BadRequest, "week");
        await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/digests/{ThisWeek}?format=pdf"), HttpStatusCode.NotFound);
    }
}
