using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reintegration.Benchmarks.Harness;
using Reintegration.Benchmarks.Match;
using Reintegration.Demo;
using Reintegration.Domain;
using Reintegration.Functions;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Openings.Snapshots;

namespace Reintegration.Benchmarks.ColdStart;

/// <summary>
/// <c>coldstart</c>: how long a new instance takes from its process's start to its first served match.
/// Writes the demo openings to an Azurite of its own through the storage layer (as the API does), then
/// starts the app (its own process) again and again: first with snapshots off, so that each start scans
/// the table; then once to write a snapshot; then from the snapshot. Each start is timed until POST
/// /api/matches answers 200. Beyond what Azurite's table scan can take (<c>--setup api</c>, the default
/// above <see cref="ColdStartSettings.MostForTableScan"/>), a first instance takes the openings through its
/// own API and writes the snapshot (<see cref="ApiImport"/>), and only starts from the snapshot are timed
/// (<c>--setup snapshot</c>: the benchmark writes that snapshot itself, the table left empty). The app is the
/// Release build (JIT-compiled as it starts), its ReadyToRun publish (as deployed), or both, one start of each
/// in turn. Last, the snapshot's index is built in this process to weigh it. Prints progress to standard error
/// and one JSON line last: each form's figures, and the ratio of the two.
/// </summary>
internal static partial class ColdStartBenchmark
{
    public static readonly BenchmarkMode Mode = new(
        "coldstart",
        "a new instance's time from process start to its first served match, scanning the table and from a snapshot",
        ColdStartSettings.Options,
        args => RunAsync(ColdStartSettings.From(args)).GetAwaiter().GetResult());

    private const string Publisher = "0123456789abcdef0123456789abcdef";
    private const string Prefix = "coldstart";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(15);

    private static async Task<int> RunAsync(ColdStartSettings settings)
    {
        var progress = new Progress();
        // Published (if its sources changed) before anything is timed; each form's starts then alternate with the other's.
        var apps = settings.Forms.ToDictionary(f => f, f => AppProcess.Assembly(f, progress));
        if (settings.Setup == ColdStartSetup.Api)
        {
            // Azurite holds the million rows in memory: more than node's default heap of about 4 GB.
            Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=12288");
        }

        await using var azurite = await Azurite.StartAsync();
        var demo = new DemoData(ReferenceData.Shared, settings.Seed, MatchSettings.Today);
        var openings = progress.Time(
            () => demo.Openings(settings.Openings), (o, t) => $"generated {o.Count:N0} openings in {t.TotalSeconds:0.0} s");
        var common = new Dictionary<string, string>
        {
            ["Reintegration:Storage"] = azurite.ConnectionString,
            ["Reintegration:TablePrefix"] = Prefix,
            ["Reintegration:AdminKey"] = "ra_coldstart-benchmark",
            // On a machine loaded by other builds, a page of Azurite's table scan can take longer than the product's
            // 2 s per attempt: the scan would be retried from the start, and the benchmark would time retries, not loading.
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:30",
            // The benchmark asks for its first match every 20 ms with one key: the per-key limits would soon answer 429.
            ["Reintegration:RateLimit:RequestsPerMinute"] = "0",
            ["Reintegration:RateLimit:WalkInMatchesPerHour"] = "0",
        };

        string centreKey;
        var setup = Stopwatch.StartNew();
        using (var host = StorageHost(common))
        {
            var created = await host.Services.GetRequiredService<CentreStore>()
                .CreateAsync("Cold Start Centre", "TJ", null, null, "en", default);
            centreKey = created.ApiKey!;
            if (settings.Setup == ColdStartSetup.Table)
            {
                var store = host.Services.GetRequiredService<OpeningStore>();
                var written = Stopwatch.StartNew();
                await Parallel.ForEachAsync(openings.Chunk(500), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                    async (chunk, token) => await store.UpsertAsync(Publisher, chunk, token));
                progress.Log($"wrote {openings.Count:N0} openings to Azurite in {written.Elapsed.TotalSeconds:0.0} s");
            }
        }

        var profile = JsonSerializer.Serialize(demo.Profiles(demo.Centres()[0], 1)[0], ReintegrationJsonContext.Default.Profile);
        var fromTable = settings.Forms.ToDictionary(f => f, _ => new List<StartTiming>());
        var loaderPeakMb = double.NaN;
        if (settings.Setup == ColdStartSetup.Api)
        {
            (_, loaderPeakMb) = await ApiImport.RunAsync(progress, common, openings, StartTimeout);
        }
        else if (settings.Setup == ColdStartSetup.Snapshot)
        {
            await WriteSnapshotDirectlyAsync(progress, common, openings);
        }
        else
        {
            for (var i = 0; i < settings.Starts; i++)
            {
                foreach (var form in settings.Forms)
                {
                    var snapshotsOff = new Dictionary<string, string>(common) { ["Reintegration:IndexSnapshot:Enabled"] = "false" };
                    fromTable[form].Add(await TimeStartAsync(progress, form, apps[form], "table", snapshotsOff, centreKey, profile));
                }
            }

            await WriteSnapshotAsync(progress, common, centreKey, profile);
        }

        // Everything before the timed starts from the snapshot (the starts from the table among it).
        var setupSeconds = setup.Elapsed.TotalSeconds;
        var fromSnapshot = settings.Forms.ToDictionary(f => f, _ => new List<StartTiming>());
        for (var i = 0; i < settings.Starts; i++)
        {
            foreach (var form in settings.Forms)
            {
                // A check interval far away: the starts time loading, not writing.
                var noWrites = new Dictionary<string, string>(common) { ["Reintegration:IndexSnapshot:CheckInterval"] = "01:00:00" };
                fromSnapshot[form].Add(await TimeStartAsync(progress, form, apps[form], "snapshot", noWrites, centreKey, profile));
            }
        }

        var (indexMb, bytesPerOpening) = await IndexMemoryAsync(common);
        progress.Log($"the snapshot's index in this process: {indexMb:N0} MB, {bytesPerOpening:N0} bytes an opening");
        var result = new ResultLine()
            .Add("openings", settings.Openings)
            .Add("starts", settings.Starts)
            .Add("setup", settings.Setup.ToString().ToLowerInvariant())
            .Add("callCountingDelayMs", Tiering.CallCountingDelayMs())
            .Add("tieredPgo", Tiering.TieredPgo());
        foreach (var form in settings.Forms)
        {
            result.Add(form.Name(), Figures(fromTable[form], fromSnapshot[form]));
        }

        if (settings.Forms.Count == 2)
        {
            // How many times longer the JIT build takes than the ReadyToRun publish, fastest start against fastest start.
            var ratios = new ResultLine();
            if (settings.Setup == ColdStartSetup.Table)
            {
                ratios.Add("table", Fastest(fromTable[AppForm.Jit]) / Fastest(fromTable[AppForm.ReadyToRun]), 2);
            }

            result.Add("jitOverReadyToRun", ratios.Add("snapshot", Fastest(fromSnapshot[AppForm.Jit]) / Fastest(fromSnapshot[AppForm.ReadyToRun]), 2));
        }

        result.Add("indexMb", indexMb, 1)
            .Add("bytesPerOpening", (long)bytesPerOpening)
            .Add("firstInstancePeakMemoryMb", loaderPeakMb, 1)
            .Add("setupSeconds", setupSeconds, 0)
            .Print();
        return 0;
    }

    private static double Fastest(List<StartTiming> starts) => starts.Min(s => s.FirstMatch).TotalSeconds;

    /// <summary>One form's figures: the fastest and slowest start of each kind, and where the fastest snapshot start's time went.</summary>
    /// <remarks>Without starts from the table (the openings set up through the API or as a snapshot) its figures are left out, not made up.</remarks>
    private static ResultLine Figures(List<StartTiming> fromTable, List<StartTiming> fromSnapshot)
    {
        var snapshot = Fastest(fromSnapshot);
        var line = new ResultLine();
        if (fromTable.Count > 0)
        {
            line.Add("tableSeconds", Fastest(fromTable), 2).Add("tableSecondsMax", fromTable.Max(s => s.FirstMatch).TotalSeconds, 2);
        }

        line.Add("snapshotSeconds", snapshot, 2).Add("snapshotSecondsMax", fromSnapshot.Max(s => s.FirstMatch).TotalSeconds, 2);
        if (fromTable.Count > 0)
        {
            line.Add("speedup", Fastest(fromTable) / snapshot, 1);
        }

        line.Add("appPeakMemoryMb", fromSnapshot.Max(s => s.PeakMb), 1);
        return fromSnapshot.MinBy(s => s.FirstMatch)!.Phases is { } phases ? line.Add("snapshotPhases", phases.ToResult()) : line;
    }

    /// <summary>Starts the app, times its first served match, checks where its index came from, and stops it.</summary>
    private static async Task<StartTiming> TimeStartAsync(
        Progress progress, AppForm form, string assembly, string expected, Dictionary<string, string> settings, string centreKey,
        string profile)
    {
        await using var app = AppProcess.Start(settings, assembly);
        var time = await app.FirstMatchAsync(centreKey, profile, StartTimeout);
        using var client = new HttpClient { BaseAddress = app.Address };
        var health = JsonDocument.Parse(await client.GetStringAsync("/api/health")).RootElement;
        var index = health.GetProperty("index");
        var from = index.GetProperty("loadedFrom").GetString();
        if (from != expected)
        {
            throw new InvalidOperationException($"The instance loaded its index from the {from}, not the {expected}:\n{app.Log}");
        }

        var peak = app.PeakMegabytes();
        var openings = index.GetProperty("openings").GetInt32();
        var log = app.Log.ToString();
        progress.Log($"{form.Name()} start from the {from}: first match {time.TotalSeconds:0.00} s after the process started; {
            openings:N0} openings; peak {peak:N0} MB");
        progress.Log($"  first HTTP answer {app.FirstAnswer?.TotalSeconds:0.00} s; the app's log on loading:");
        foreach (var line in log.Split('\n').Where(l => LoadPhase().IsMatch(l)))
        {
            progress.Log($"  {line.Trim()}");
        }

        return new StartTiming(time, peak, StartPhases.From(log, app.FirstAnswer, time));
    }

    /// <summary>Starts an instance that writes a snapshot soon after loading, and waits until the snapshot is there.</summary>
    private static async Task WriteSnapshotAsync(Progress progress, Dictionary<string, string> common, string centreKey, string profile)
    {
        await using var app = AppProcess.Start(new(common) { ["Reintegration:IndexSnapshot:CheckInterval"] = "00:00:01" });
        await app.FirstMatchAsync(centreKey, profile, StartTimeout);
        using var host = StorageHost(common);
        var snapshots = host.Services.GetRequiredService<IndexSnapshotStore>();
        var waited = Stopwatch.StartNew();
        while (await snapshots.NewestAsync(default) is null)
        {
            if (waited.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"No snapshot was written:\n{app.Log}");
            }

            await Task.Delay(250);
        }

        progress.Log($"an instance wrote the snapshot {waited.Elapsed.TotalSeconds:0.0} s after its first match");
    }

    /// <summary>
    /// Writes the snapshot an instance holding these openings would write (ids, filled counts and change times as the
    /// store gives them to a fresh import), through the app's own snapshot store, covering up to now.
    /// </summary>
    private static async Task WriteSnapshotDirectlyAsync(Progress progress, Dictionary<string, string> common, IReadOnlyList<Opening> openings)
    {
        var clock = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var listings = openings
            .Select(o => new OpeningListing(OpeningIds.For(Publisher, o.ExternalRef, o.Location.Country), o) { ChangedAt = now })
            .DistinctBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
        using var host = StorageHost(common);
        var written = await host.Services.GetRequiredService<IndexSnapshotStore>().TryWriteAsync(new IndexSnapshot(now, listings), 2, default);
        progress.Log($"wrote the snapshot {written} of {listings.Count:N0} openings in {clock.Elapsed.TotalSeconds:0.0} s; the table is empty");
    }

    /// <summary>
    /// What the index a start loads from the newest snapshot holds in memory: read and indexed here by the app's own code
    /// (as the match benchmark measures its index), the heap it added once the snapshot's bytes are let go.
    /// </summary>
    private static async Task<(double Mb, double BytesPerOpening)> IndexMemoryAsync(Dictionary<string, string> common)
    {
        using var host = StorageHost(common);
        var store = host.Services.GetRequiredService<IndexSnapshotStore>();
        var newest = await store.NewestAsync(default) ?? throw new InvalidOperationException("No snapshot to measure.");
        var index = new OpeningIndex(new MatchingEngine(ReferenceData.Shared));
        // The snapshot's bytes are held on both sides of the difference: only the index is weighed.
        var snapshot = await store.DownloadAsync(newest.Name, default);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        index.Apply(IndexSnapshot.Read(snapshot).Openings);
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(snapshot);
        GC.KeepAlive(index);
        return (bytes / 1048576.0, bytes / (double)index.Count);
    }

    /// <summary>The app's log lines that say where a start's time went: the snapshot read, the index loaded.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("Index snapshot|Opening index loaded|index snapshot|read whole")]
    private static partial System.Text.RegularExpressions.Regex LoadPhase();

    /// <summary>The app's storage services in this process, without their background services, patient with a slow Azurite.</summary>
    internal static IHost StorageHost(Dictionary<string, string> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Patient: the benchmark writes its data through these on a machine other builds may load; it times the app, not this.
        var patient = new Dictionary<string, string>(settings)
        {
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:01:00",
            ["Reintegration:StorageResilience:OverallTimeout"] = "00:05:00",
        };
        builder.Configuration.AddInMemoryCollection(patient.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)));
        builder.Services.AddReintegrationApp(builder.Configuration);
        return builder.Build();
    }
}
