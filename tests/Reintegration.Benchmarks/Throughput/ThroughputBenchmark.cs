using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Benchmarks.ColdStart;
using Reintegration.Benchmarks.Harness;
using Reintegration.Benchmarks.Match;
using Reintegration.Demo;
using Reintegration.Reference;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Profiles;

namespace Reintegration.Benchmarks.Throughput;

/// <summary>What the throughput benchmark runs.</summary>
internal sealed record ThroughputSettings(int Openings, int Profiles, int Connections, int Seconds, int Seed, AppForm Form)
{
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("openings", "100000", "openings written to Azurite"),
        new("profiles", "2000", "stored profiles, asked for in turn (the same people are sent as walk-in profiles)"),
        new("connections", "16", "requests in flight at once"),
        new("seconds", "10", "length of each timed run (two runs a route, alternating)"),
        new("seed", "1", "seed of the demo data"),
        new("app", "jit", "the app started: jit (the Release build) or r2r (the ReadyToRun publish, as deployed)"),
    ];

    public static ThroughputSettings From(Arguments args) => new(
        args.Int("openings", min: 1, max: 2_000_000),
        args.Int("profiles", min: 1, max: 100_000),
        args.Int("connections", min: 1, max: 1024),
        args.Int("seconds", min: 1, max: 600),
        args.Int("seed"),
        AppForms.ParseOne(args.Text("app")));
}

/// <summary>
/// <c>throughput</c>: requests a second over real HTTP for stored-profile matches
/// (GET /api/profiles/{id}/matches) against walk-in matches of the same people (POST /api/matches),
/// with the app in its own process (Release) on an Azurite of the benchmark's own, and this process
/// as the client with a fixed number of requests in flight. Each route is run twice, alternately,
/// after a warm-up to the product's steady state (see <see cref="WarmUpAsync"/>); the better run of
/// each counts. Only 200s count.
/// </summary>
internal static class ThroughputBenchmark
{
    public static readonly BenchmarkMode Mode = new(
        "throughput",
        "stored-profile matches against walk-in matches over HTTP: requests a second and their ratio",
        ThroughputSettings.Options,
        args => RunAsync(ThroughputSettings.From(args)).GetAwaiter().GetResult());

    private const string Publisher = "0123456789abcdef0123456789abcdef";

    /// <summary>How often the app reads the profile change log: set here, so that the warm-up knows how long to wait for a read.</summary>
    private static readonly TimeSpan ProfileLogInterval = TimeSpan.FromSeconds(5);

    private static async Task<int> RunAsync(ThroughputSettings settings)
    {
        var progress = new Progress();
        var assembly = AppProcess.Assembly(settings.Form, progress);
        await using var azurite = await Azurite.StartAsync();
        var demo = new DemoData(ReferenceData.Shared, settings.Seed, MatchSettings.Today);
        var common = new Dictionary<string, string>
        {
            ["Reintegration:Storage"] = azurite.ConnectionString,
            ["Reintegration:TablePrefix"] = "throughput",
            ["Reintegration:AdminKey"] = "ra_throughput-benchmark",
            // What is timed is serving from memory; on a machine loaded by other builds, Azurite's pages
            // (loading the index, reading keys) can take longer than the product's 2 s per attempt.
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:30",
            ["Reintegration:StorageResilience:RequestBudget"] = "00:01:00",
            // One key sends the whole load: the per-key limits would time 429s, not matching.
            ["Reintegration:RateLimit:RequestsPerMinute"] = "0",
            ["Reintegration:RateLimit:WalkInMatchesPerHour"] = "0",
            ["Reintegration:Profiles:RefreshInterval"] = ProfileLogInterval.ToString(),
        };
        var people = demo.Profiles(demo.Centres()[0], settings.Profiles);
        string key;
        List<string> ids;
        using (var host = ColdStartBenchmark.StorageHost(common))
        {
            var store = host.Services.GetRequiredService<OpeningStore>();
            await Parallel.ForEachAsync(demo.Openings(settings.Openings).Chunk(500), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (chunk, token) => await store.UpsertAsync(Publisher, chunk, token));
            var centre = await host.Services.GetRequiredService<CentreStore>()
                .CreateAsync("Throughput Centre", "TJ", null, null, "en", default);
            key = centre.ApiKey!;
            ids = [];
            foreach (var chunk in people.Chunk(500))
            {
                var written = await host.Services.GetRequiredService<ProfileStore>().UpsertAsync(centre.Centre!.Id, chunk, default);
                ids.AddRange(written.Select(o => o.Id));
            }
        }

        progress.Log($"wrote {settings.Openings:N0} openings and {ids.Count:N0} profiles");
        var bodies = people.Select(p => JsonSerializer.Serialize(p, ReintegrationJsonContext.Default.Profile)).ToArray();
        await using var app = AppProcess.Start(common, assembly);
        await app.FirstMatchAsync(key, bodies[0], TimeSpan.FromMinutes(10));
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections })
        {
            BaseAddress = app.Address,
        };
        client.DefaultRequestHeaders.Add("x-api-key", key);
        Func<int, Task<HttpResponseMessage>> stored = i => client.GetAsync($"/api/profiles/{ids[i % ids.Count]}/matches?top=10");
        Func<int, Task<HttpResponseMessage>> walkIn = i =>
            client.PostAsync("/api/matches?top=10", new StringContent(bodies[i % bodies.Length], Encoding.UTF8, "application/json"));

        await WarmUpAsync(stored, walkIn, settings.Connections, ids.Count, progress);
        var (storedBest, walkInBest) = (0.0, 0.0);
        for (var round = 0; round < 2; round++)
        {
            var duration = TimeSpan.FromSeconds(settings.Seconds);
            var s = await RunAsync(stored, settings.Connections, duration, 0);
            var w = await RunAsync(walkIn, settings.Connections, duration, 0);
            progress.Log($"round {round + 1}: stored {s:N0}/s, walk-in {w:N0}/s");
            (storedBest, walkInBest) = (Math.Max(storedBest, s), Math.Max(walkInBest, w));
        }

        new ResultLine()
            .Add("openings", settings.Openings)
            .Add("profiles", ids.Count)
            .Add("connections", settings.Connections)
            .Add("storedPerSecond", storedBest, 0)
            .Add("walkInPerSecond", walkInBest, 0)
            .Add("ratio", storedBest / walkInBest, 2)
            .Print();
        return 0;
    }

    /// <summary>
    /// Brings the app to the steady state the target is about, where a stored profile asked for again
    /// is served from the instance's profile cache: every profile asked for once (each is read from
    /// storage and kept), then a wait past the next two reads of the profile change log (the first may
    /// name the setup's own writes of these profiles, and drop them: a profile is kept for good only
    /// when read after the log entry of its last change was acted on), then every profile once more;
    /// and walk-in matches for as long. What the warm-up's passes served is printed, not counted.
    /// </summary>
    private static async Task WarmUpAsync(
        Func<int, Task<HttpResponseMessage>> stored,
        Func<int, Task<HttpResponseMessage>> walkIn,
        int connections,
        int profiles,
        Progress progress)
    {
        var first = await RunAsync(stored, connections, TimeSpan.FromSeconds(5), profiles);
        await Task.Delay(2 * ProfileLogInterval + TimeSpan.FromSeconds(1));
        var second = await RunAsync(stored, connections, TimeSpan.FromSeconds(5), profiles);
        var walkedIn = await RunAsync(walkIn, connections, TimeSpan.FromSeconds(10), profiles);
        progress.Log($"warm-up: stored {first:N0}/s on first reading, {second:N0}/s once the change log was read; walk-in {walkedIn:N0}/s");
    }

    /// <summary>
    /// Sends requests with <paramref name="connections"/> in flight for the duration (and at least
    /// <paramref name="minimum"/>); returns 200s a second.
    /// </summary>
    private static async Task<double> RunAsync(Func<int, Task<HttpResponseMessage>> send, int connections, TimeSpan duration, int minimum)
    {
        var next = -1;
        var ok = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < minimum || clock.Elapsed < duration)
            {
                using var response = await send(i);
                await response.Content.LoadIntoBufferAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref ok);
                }
            }
        }));
        return ok / clock.Elapsed.TotalSeconds;
    }
}
