using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Reintegration.Benchmarks.Harness;
using Reintegration.Demo;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;

namespace Reintegration.Benchmarks.Match;

/// <summary>
/// <c>match</c>: the latency of <see cref="OpeningIndex.Match"/> over demo data, against the full scan
/// it must agree with. Builds the index, warms up, times every query, then times the full scan on the
/// first queries and compares the two answers. Prints progress to standard error, a few figures and
/// then one JSON line to standard output, with the SHA-256 of every answer's JSON (matches, reasons
/// and exclusion counts), so that a change meant only to make matching faster can show it left every
/// answer byte for byte the same. Exits 1 when the index and the full scan disagree.
/// </summary>
internal static class MatchBenchmark
{
    public static readonly BenchmarkMode Mode = new(
        "match",
        "index latency against the full scan, their agreement, and peak memory",
        MatchSettings.Options,
        args => Run(MatchSettings.From(args)));

    /// <summary>
    /// Warm-up lasts at least this long, whatever its count: tiered compilation recompiles hot methods
    /// with full optimisation only after they have been called for a while.
    /// </summary>
    private static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(3);

    /// <summary>Full scans run before timing them, for the same reason (each takes tens of milliseconds).</summary>
    private const int FullScanWarmup = 5;

    private const int Top = 10;

    private static int Run(MatchSettings settings)
    {
        var progress = new Progress();
        using var memory = new PeakMemory();
        progress.Log($"match: {settings.Openings:N0} openings, {settings.Queries:N0} queries, seed {settings.Seed}, today {MatchSettings.Today:yyyy-MM-dd}");

        var reference = progress.Time(() => ReferenceData.Shared, (_, t) => $"reference data loaded in {t.TotalMilliseconds:N0} ms");
        var demo = new DemoData(reference, settings.Seed, MatchSettings.Today);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var openings = progress.Time(() => demo.Openings(settings.Openings), (o, t) => $"generated {o.Count:N0} openings in {t.TotalMilliseconds:N0} ms");
        var listings = MatchWorkload.Listings(openings, settings.Seed);
        var cases = progress.Time(
            () => MatchWorkload.Cases(demo, settings.Queries),
            (c, t) => $"generated {c.Count:N0} profiles from {demo.Centres().Count} centres in {t.TotalMilliseconds:N0} ms");

        var engine = new MatchingEngine(reference);
        var index = new OpeningIndex(engine);
        var buildStart = Stopwatch.GetTimestamp();
        index.Apply(listings);
        var build = Stopwatch.GetElapsedTime(buildStart);
        memory.Sample();
        // What the index holds, openings included (it keeps them): the heap it added, less the two lists of references this benchmark keeps.
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore - 2L * IntPtr.Size * openings.Count;
        progress.Log($"indexed {index.Count:N0} openings in {build.TotalMilliseconds:N0} ms; index {indexBytes / 1048576.0:N0} MB, {indexBytes / (double)index.Count:N0} bytes an opening");

        var query = new MatchQuery { Today = MatchSettings.Today, Top = Top, Language = "en", Explain = true };
        var naiveCount = Math.Min(settings.Naive, cases.Count);

        Settle();
        var warmup = WarmUp(settings.Warmup, i => index.Match(cases[i % cases.Count].Profile, query));
        progress.Log($"warmed up with {warmup:N0} index queries");

        Settle();
        var indexLatencies = new Latencies(cases.Count);
        var indexResults = new MatchResult[cases.Count];
        long matched = 0, excluded = 0;
        var collections = GcCounts();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < cases.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = index.Match(cases[i].Profile, query);
            var end = Stopwatch.GetTimestamp();
            indexLatencies.Add(start, end);
            matched += result.Matches.Count;
            excluded += result.Excluded.Total;
            indexResults[i] = result;
        }

        var allocatedPerQuery = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)cases.Count;
        var indexCollections = Subtract(GcCounts(), collections);
        memory.Sample();
        progress.Log($"index: {cases.Count:N0} queries, p50 {indexLatencies.Percentile(50):0.000} ms, p99 {indexLatencies.Percentile(99):0.000} ms");

        for (var i = 0; i < Math.Min(FullScanWarmup, naiveCount); i++)
        {
            _ = engine.FullScan(cases[i].Profile, listings, query);
        }

        Settle();
        var naiveLatencies = new Latencies(naiveCount);
        var disagreements = 0;
        for (var i = 0; i < naiveCount; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = engine.FullScan(cases[i].Profile, listings, query);
            var end = Stopwatch.GetTimestamp();
            naiveLatencies.Add(start, end);
            if (Agreement.Difference(indexResults[i], result) is { } difference && disagreements++ == 0)
            {
                progress.Log($"DISAGREEMENT on query {i} (centre {cases[i].Centre}): {difference}");
            }
        }

        progress.Log($"full scan: {naiveCount:N0} queries, p50 {naiveLatencies.Percentile(50):0.000} ms; {disagreements} disagreed with the index");

        var p50 = indexLatencies.Percentile(50);
        var p99 = indexLatencies.Percentile(99);
        var naiveP50 = naiveLatencies.Percentile(50);
        var agree = disagreements == 0;
        var peak = memory.PeakMegabytes();
        var answers = Sha256Of(indexResults);

        Print($"index build: {build.TotalMilliseconds:0.0} ms for {index.Count:N0} openings");
        Print($"index queries: {cases.Count:N0}, mean {indexLatencies.Mean():0.000} ms, p90 {indexLatencies.Percentile(90):0.000} ms, max {indexLatencies.Max():0.000} ms");
        Print($"per query: {matched / (double)cases.Count:0.00} matches, {excluded / (double)cases.Count:0.0} excluded, {allocatedPerQuery / 1024:0.0} KB allocated; GCs gen0/1/2 {indexCollections}");
        Print($"full scan queries: {naiveCount:N0}, p50 {naiveP50:0.000} ms, p99 {naiveLatencies.Percentile(99):0.000} ms; agreed on {naiveCount - disagreements:N0}");
        new ResultLine()
            .Add("openings", settings.Openings)
            .Add("queries", settings.Queries)
            .Add("p50Ms", p50, 3)
            .Add("p99Ms", p99, 3)
            .Add("naiveP50Ms", naiveP50, 3)
            .Add("speedup", naiveP50 / p50, 1)
            .Add("agree", agree)
            .Add("answersSha256", answers)
            .Add("peakMemoryMb", peak, 1)
            .Add("indexMb", indexBytes / 1048576.0, 1)
            .Add("bytesPerOpening", indexBytes / (double)index.Count, 0)
            .Add("buildSeconds", build.TotalSeconds, 2)
            .Print();
        return agree ? 0 : 1;
    }

    /// <summary>
    /// The SHA-256 of the answers' JSON, one after another: each answer's matches (reasons included) as the
    /// domain's JSON serialises them, keyed by rank, then its exclusion counts. Taken after the timing.
    /// </summary>
    private static string Sha256Of(IEnumerable<MatchResult> results)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            foreach (var result in results)
            {
                var ranked = result.Matches.Select((m, i) => KeyValuePair.Create(FormattableString.Invariant($"{i + 1}"), m));
                var json = ReintegrationJsonContext.Default.DictionaryStringMatch;
                JsonSerializer.Serialize(hashing, new Dictionary<string, Matching.Match>(ranked), json);
                hashing.Write(Encoding.UTF8.GetBytes(result.Excluded.ToString()));
            }
        }

        return Convert.ToHexStringLower(sha.Hash!);
    }

    /// <summary>Runs <paramref name="count"/> queries, and more until <see cref="MinimumWarmup"/> has passed (none when the count is 0).</summary>
    private static int WarmUp(int count, Action<int> query)
    {
        if (count == 0)
        {
            return 0;
        }

        var start = Stopwatch.GetTimestamp();
        var done = 0;
        while (done < count || Stopwatch.GetElapsedTime(start) < MinimumWarmup)
        {
            query(done++);
        }

        return done;
    }

    /// <summary>Collects garbage left by the previous phase, so that the next one does not pay for it.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static (int Gen0, int Gen1, int Gen2) GcCounts() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private static string Subtract((int Gen0, int Gen1, int Gen2) after, (int Gen0, int Gen1, int Gen2) before) =>
        FormattableString.Invariant($"{after.Gen0 - before.Gen0}/{after.Gen1 - before.Gen1}/{after.Gen2 - before.Gen2}");

    private static void Print(FormattableString line) => Console.Out.WriteLine(FormattableString.Invariant(line));
}
