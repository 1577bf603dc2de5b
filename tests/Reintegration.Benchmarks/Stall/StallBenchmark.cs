using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Benchmarks.ColdStart;
using Reintegration.Benchmarks.Harness;
using Reintegration.Benchmarks.Match;
using Reintegration.Demo;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reference;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Profiles;

namespace Reintegration.Benchmarks.Stall;

/// <summary>
/// <c>stall</c>: how long requests wait when Table Storage hangs. The app (Release, its own process, the
/// product's settings) reaches Azurite through a TCP proxy; callers keep a fixed number of requests in
/// flight (walk-in and stored-profile matches, a profile read, a profile write, in turn) while a
/// prober asks for health. After a few seconds of normal service the proxy stalls (connections
/// accepted, nothing passed: a service that hangs) for the given time, then serves again. Prints, per
/// phase, how many answers of each kind and the slowest, and how long after storage came back the first
/// request was answered 200 and the last one sent was answered 503; an answer other than 200, or 503 with
/// Retry-After, is a violation. The figures are latencies, so they move with the machine's load.
/// </summary>
internal static class StallBenchmark
{
    public static readonly BenchmarkMode Mode = new(
        "stall",
        "requests and health while Table Storage hangs under concurrent callers: every answer's status and the slowest",
        StallSettings.Options,
        args => RunAsync(StallSettings.From(args)).GetAwaiter().GetResult());

    private const string Publisher = "0123456789abcdef0123456789abcdef";

    // The target: every request answered within the 5 s budget and one more second.
    private const double SlowMs = 6000;

    private static async Task<int> RunAsync(StallSettings settings)
    {
        var progress = new Progress();
        var assembly = AppProcess.Assembly(settings.Form, progress);
        await using var azurite = await Azurite.StartAsync();
        await using var proxy = TcpProxy.Start(azurite.Port);
        var demo = new DemoData(ReferenceData.Shared, settings.Seed, MatchSettings.Today);
        var direct = new Dictionary<string, string>
        {
            ["Reintegration:Storage"] = azurite.ConnectionString,
            ["Reintegration:TablePrefix"] = "stall",
            ["Reintegration:AdminKey"] = "ra_stall-benchmark",
            // One key stands for every caller here: the per-key limits would answer 429, not storage.
            ["Reintegration:RateLimit:RequestsPerMinute"] = "0",
            ["Reintegration:RateLimit:WalkInMatchesPerHour"] = "0",
        };
        var people = demo.Profiles(demo.Centres()[0], settings.Profiles);
        string key;
        List<string> ids = [];
        using (var host = ColdStartBenchmark.StorageHost(direct))
        {
            var store = host.Services.GetRequiredService<OpeningStore>();
            await Parallel.ForEachAsync(demo.Openings(settings.Openings).Chunk(500), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (chunk, token) => await store.UpsertAsync(Publisher, chunk, token));
            var centre = await host.Services.GetRequiredService<CentreStore>().CreateAsync("Stall Centre", "TJ", null, null, "en", default);
            key = centre.ApiKey!;
            foreach (var chunk in people.Chunk(500))
            {
                var written = await host.Services.GetRequiredService<ProfileStore>().UpsertAsync(centre.Centre!.Id, chunk, default);
                ids.AddRange(written.Select(o => o.Id));
            }
        }

        progress.Log($"wrote {settings.Openings:N0} openings and {ids.Count:N0} profiles");
        var bodies = people.Select(p => JsonSerializer.Serialize(p, ReintegrationJsonContext.Default.Profile)).ToArray();
        // Through the proxy; snapshots off, so that only the Table service is in play.
        var throughProxy = new Dictionary<string, string>(direct)
        {
            ["Reintegration:Storage"] = Azurite.ConnectionStringFor(proxy.Port),
            ["Reintegration:IndexSnapshot:Enabled"] = "false",
        };
        await using var app = AppProcess.Start(throughProxy, assembly);
        await app.FirstMatchAsync(key, bodies[0], TimeSpan.FromMinutes(10));
        // Far beyond any budget: a request unanswered by then is counted as such, not cut short.
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections + 1 })
        {
            BaseAddress = app.Address,
            Timeout = TimeSpan.FromSeconds(120),
        };
        client.DefaultRequestHeaders.Add("x-api-key", key);
        var requests = new Func<int, Task<HttpResponseMessage>>[]
        {
            i => client.PostAsync("/api/matches?top=10", new StringContent(bodies[i % bodies.Length], Encoding.UTF8, "application/json")),
            i => client.GetAsync($"/api/profiles/{ids[i % ids.Count]}/matches?top=10"),
            i => client.GetAsync($"/api/profiles/{ids[i % ids.Count]}"),
            i => client.PostAsync("/api/profiles", new StringContent($"[{bodies[i % bodies.Length]}]", Encoding.UTF8, "application/json")),
        };

        var phase = "before";
        var answers = new List<Answer>();
        using var stop = new CancellationTokenSource();
        var next = -1;
        var callers = Enumerable.Range(0, settings.Connections).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                var answer = await SendAsync(phase, "request", () => requests[i % requests.Length](i));
                lock (answers)
                {
                    answers.Add(answer);
                }
            }
        })).ToList();
        callers.Add(Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var answer = await SendAsync(phase, "health", () => client.GetAsync("/api/health"));
                lock (answers)
                {
                    answers.Add(answer);
                }

                await Task.Delay(200);
            }
        }));

        await Task.Delay(TimeSpan.FromSeconds(5));
        phase = "stalled";
        proxy.Stall();
        progress.Log($"storage stalled under {settings.Connections} callers");
        await Task.Delay(TimeSpan.FromSeconds(settings.StallSeconds));
        phase = "after";
        proxy.Restore();
        var restored = Stopwatch.GetTimestamp();
        progress.Log($"storage serves again");
        await Task.Delay(TimeSpan.FromSeconds(settings.AfterSeconds));
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        var line = new ResultLine()
            .Add("connections", settings.Connections)
            .Add("stallSeconds", settings.StallSeconds)
            .Add("violations", answers.Count(a => !a.Allowed))
            .Add("slowerThanBudgetPlus1s", answers.Count(a => a.Kind == "request" && a.Milliseconds > SlowMs))
            .Add("maxMs", answers.Where(a => a.Kind == "request").Max(a => a.Milliseconds), 0)
            .Add("healthMaxMs", answers.Where(a => a.Kind == "health").Max(a => a.Milliseconds), 0);
        // Each answer placed on the clock of the restore: a breaker opened by the stall keeps answering 503
        // for up to its break duration after storage is back, until a trial call succeeds.
        var afterRestore = answers.Where(a => a.Kind == "request" && a.Sent >= restored).ToList();
        var okAfter = afterRestore.Where(a => a.Status == 200).ToList();
        var refusedAfter = afterRestore.Where(a => a.Status == 503).ToList();
        line.Add("afterSeconds", settings.AfterSeconds)
            .Add("firstOkAfterRestoreMs", okAfter.Count == 0 ? double.NaN : okAfter.Min(a => Since(restored, a.Sent) + a.Milliseconds), 0)
            .Add("last503SentAfterRestoreMs", refusedAfter.Count == 0 ? 0 : refusedAfter.Max(a => Since(restored, a.Sent)), 0);
        foreach (var name in new[] { "before", "stalled", "after" })
        {
            var inPhase = answers.Where(a => a.Phase == name).ToList();
            var requestsIn = inPhase.Where(a => a.Kind == "request").ToList();
            var healthIn = inPhase.Where(a => a.Kind == "health").ToList();
            line.Add(name, new ResultLine()
                .Add("answers", requestsIn.Count)
                .Add("ok", requestsIn.Count(a => a.Status == 200))
                .Add("unavailable", requestsIn.Count(a => a.Status == 503))
                .Add("other", requestsIn.Count(a => !a.Allowed))
                .Add("maxMs", requestsIn.Count == 0 ? double.NaN : requestsIn.Max(a => a.Milliseconds), 0)
                .Add("healthMaxMs", healthIn.Count == 0 ? double.NaN : healthIn.Max(a => a.Milliseconds), 0)
                .Add("healthStatuses", string.Join(",", healthIn.Select(a => a.Status).Distinct().Order())));
        }

        foreach (var odd in answers.Where(a => !a.Allowed).Take(5))
        {
            progress.Log($"violation: {odd.Phase} {odd.Kind} answered {odd.Status} after {odd.Milliseconds:0} ms");
        }

        line.Print();
        return 0;
    }

    private static async Task<Answer> SendAsync(string phase, string kind, Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await send();
            await response.Content.LoadIntoBufferAsync();
            var allowed = response.StatusCode == HttpStatusCode.OK
                || response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null;
            return new(phase, kind, (int)response.StatusCode, allowed, started, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No answer at all (0): a violation.
            return new(phase, kind, 0, false, started, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static double Since(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>
    /// One answer: in which phase its request was sent, whether a request or a health probe, its status, when it
    /// was sent (a <see cref="Stopwatch"/> timestamp) and how long it took.
    /// </summary>
    private sealed record Answer(string Phase, string Kind, int Status, bool Allowed, long Sent, double Milliseconds);
}
