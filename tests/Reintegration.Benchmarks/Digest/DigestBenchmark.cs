using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.Benchmarks.Harness;
using Reintegration.Benchmarks.Match;
using Reintegration.Demo;
using Reintegration.Digests;
using Reintegration.Digests.Allocation;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;

namespace Reintegration.Benchmarks.Digest;

/// <summary>
/// <c>digest</c>: the whole in-memory digest run over demo data (candidates from the index,
/// allocation across all centres, explanations in two languages), timed, once with the digest's
/// coverage-first allocation and once with plain per-person top-k; for each, how the
/// recommendations spread: coverage against the bound, congestion, scores. The greedy rounds the
/// digest used before are measured on the same candidates, and the run's time is split into its
/// parts (candidates, allocation, the bound) by timing each again on its own; the digest's run is timed
/// once more, warm (the JIT done), and each run counts the bytes it allocates. Each run's digests are
/// hashed (SHA-256 of their JSON, as stored), after the timing, so that a change meant only to make the
/// run faster can show it left every digest byte for byte the same.
/// </summary>
internal static class DigestBenchmark
{
    public static readonly BenchmarkMode Mode = new(
        "digest",
        "one in-memory digest run per allocation: coverage-first against plain top-k",
        DigestSettings.Options,
        args => DigestSettings.From(args) is { Forms: { } forms } settings
            ? DigestAcrossForms.Run(settings, forms, args.CommandLine("app", "runs"))
            : Run(DigestSettings.From(args)));

    private static int Run(DigestSettings settings)
    {
        var progress = new Progress();
        using var memory = new PeakMemory();
        progress.Log($"digest: {settings.Profiles:N0} profiles, {settings.Openings:N0} openings, seed {settings.Seed}, cap {settings.Multiplier} x unfilled, top {settings.Top}");

        var reference = ReferenceData.Shared;
        var demo = new DemoData(reference, settings.Seed, DigestSettings.Today);
        var listings = progress.Time(() => MatchWorkload.Listings(demo.Openings(settings.Openings), settings.Seed), (l, t) => $"generated {l.Count:N0} openings in {t.TotalMilliseconds:N0} ms");
        var people = progress.Time(() => People(demo, settings.Profiles), (p, t) => $"generated {p.Count:N0} profiles in {t.TotalMilliseconds:N0} ms");
        var engine = new MatchingEngine(reference);
        var index = new OpeningIndex(engine);
        index.Apply(listings);
        var composer = new DigestComposer(engine, index);
        var options = new DigestOptions { CongestionMultiplier = settings.Multiplier, TopPerProfile = settings.Top, CandidatesPerProfile = settings.Candidates };
        var week = IsoWeek.Of(DigestSettings.Today);
        var centres = demo.Centres().Select(c => c.Key).ToList();

        // The digest's own allocation first, as the weekly run meets it: nothing warmed up by another run.
        var coverage = Measured("coverage-first", CoverageFirst.Allocate);
        var plain = Measured("plain top-k", PlainTopK.Allocate);
        var warm = Measured("coverage-first again, warm", CoverageFirst.Allocate);

        var open = composer.OpenListings(week);
        var (wishlists, candidatesSeconds) = Timed(() => composer.Wishlists(people, open, week, options));
        // The same candidates as before the index could rank alone: through Match, every exclusion counted, every match written.
        var query = new MatchQuery { Today = week.Monday, Top = settings.Candidates, Explain = false };
        var (_, matchedSeconds) = Timed(() => people.AsParallel().Select(p => index.Match(p.Profile, query).Matches.Count).Sum());
        var problem = DigestComposer.Problem(wishlists, open, options);
        var (_, allocationSeconds) = Timed(() => CoverageFirst.Allocate(problem));
        var (_, boundSeconds) = Timed(() => MaxCoverage.Of(problem));
        var greedy = DigestComposer.Allocate(wishlists, open, options, GreedyRounds.Allocate).Metrics;
        progress.Log($"parts: candidates {candidatesSeconds:N2} s (through Match {matchedSeconds:N2} s), coverage-first allocation {
            allocationSeconds:N2} s, bound {boundSeconds:N2} s");

        string[] columns =
        [
            "allocation", "people with a recommendation", "most any allocation under the cap could reach", "openings recommended",
            "most per unfilled position", "Gini over openings", "mean score", "mean first score",
        ];
        Console.Out.WriteLine($"| {string.Join(" | ", columns)} |");
        Console.Out.WriteLine($"|{string.Concat(columns.Select(_ => " --- |"))}");
        Console.Out.WriteLine(Row("per-person top-k", plain.Metrics));
        Console.Out.WriteLine(Row($"greedy rounds (cap {settings.Multiplier} x unfilled; before)", greedy));
        Console.Out.WriteLine(Row($"coverage-first (cap {settings.Multiplier} x unfilled)", coverage.Metrics));

        new ResultLine()
            .Add("profiles", settings.Profiles)
            .Add("openings", settings.Openings)
            .Add("seconds", coverage.Seconds, 1)
            .Add("peakMemoryMb", coverage.PeakMb, 1)
            .Add("cpuSeconds", coverage.CpuSeconds, 1)
            .Add("jitCompilations", coverage.Jitted)
            // The engine's code precompiled (a ReadyToRun publish), or JIT-compiled as it runs (a build).
            .Add("readyToRun", ReadyToRunPublish.IsReadyToRun(typeof(OpeningIndex).Assembly.Location))
            .Add("callCountingDelayMs", Tiering.CallCountingDelayMs())
            .Add("tieredPgo", Tiering.TieredPgo())
            .Add("allocatedMb", coverage.AllocatedMb, 0)
            .Add("warmSeconds", warm.Seconds, 2)
            .Add("warmCpuSeconds", warm.CpuSeconds, 2)
            .Add("warmAllocatedMb", warm.AllocatedMb, 0)
            .Add("warmSameDigests", warm.Sha256 == coverage.Sha256)
            .Add("candidatesSeconds", candidatesSeconds, 2)
            .Add("candidatesThroughMatchSeconds", matchedSeconds, 2)
            .Add("allocationSeconds", allocationSeconds, 2)
            .Add("boundSeconds", boundSeconds, 2)
            .Add("coverageFirst", Figures(coverage.Metrics, coverage.Seconds, coverage.PeakMb).Add("digestsSha256", coverage.Sha256))
            .Add("plainTopK", Figures(plain.Metrics, plain.Seconds, plain.PeakMb).Add("digestsSha256", plain.Sha256))
            .Add("greedyRounds", Figures(greedy, null, null))
            .Print();
        return 0;

        (AllocationMetrics Metrics, double Seconds, double CpuSeconds, long Jitted, double PeakMb, double AllocatedMb, string Sha256) Measured(
            string name, Allocator allocate)
        {
            memory.Reset();
            var jitted = JitInfo.GetCompiledMethodCount();
            var (cpu, allocated) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(precise: true));
            var (run, seconds) = Timed(() => composer.Compose(people, centres, week, DateTimeOffset.UnixEpoch, options, allocate));
            var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
            jitted = JitInfo.GetCompiledMethodCount() - jitted;
            var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
            var peak = memory.PeakMegabytes();
            var entries = run.Digests.SelectMany(d => d.Entries).ToList();
            var recommendations = entries.Sum(e => e.Recommendations.Count);
            progress.Log($"{name}: {entries.Count:N0} entries, {recommendations:N0} recommendations in {seconds:N1} s ({
                cpuSeconds:N1} s of CPU, {jitted:N0} methods JIT-compiled), peak {peak:N0} MB, {allocatedMb:N0} MB allocated");
            return (run.Allocation.Metrics, seconds, cpuSeconds, jitted, peak, allocatedMb, Sha256Of(run.Digests));
        }
    }

    /// <summary>
    /// The SHA-256 of the digests' JSON, one after another, as the digest store serialises them;
    /// streamed, so that hashing leaves no large buffers to inflate the next run's peak.
    /// </summary>
    private static string Sha256Of(IReadOnlyList<Reintegration.Digests.Digest> digests)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            foreach (var digest in digests)
            {
                JsonSerializer.Serialize(hashing, digest, ReintegrationJsonContext.Default.Digest);
            }
        }

        return Convert.ToHexStringLower(sha.Hash!);
    }

    private static (T Result, double Seconds) Timed<T>(Func<T> step)
    {
        var start = Stopwatch.GetTimestamp();
        var result = step();
        return (result, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>The demo centres' caseloads, with ids unique across centres and stable for a seed.</summary>
    private static List<DigestPerson> People(DemoData demo, int count)
    {
        var centres = demo.Centres();
        var perCentre = (count + centres.Count - 1) / centres.Count;
        var people = new List<DigestPerson>(count);
        foreach (var centre in centres)
        {
            var profiles = demo.Profiles(centre, perCentre);
            for (var i = 0; i < profiles.Count && people.Count < count; i++)
            {
                people.Add(new DigestPerson(centre.Key, string.Create(CultureInfo.InvariantCulture, $"{centre.Key}-{i:D6}"), profiles[i], new HashSet<string>(), DateTimeOffset.MinValue));
            }
        }

        return people;
    }

    private static string Row(string name, AllocationMetrics m) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {m.Coverage:P1} | {m.CoverageBound:P1} | {m.OpeningsReached:P1} | ")
        + string.Create(CultureInfo.InvariantCulture, $"{m.MaxPerUnfilled:0.#} | {m.Gini:0.000} | ")
        + string.Create(CultureInfo.InvariantCulture, $"{m.MeanScore:0.000} | {m.MeanFirstScore:0.000} |");

    private static ResultLine Figures(AllocationMetrics m, double? seconds, double? peakMb)
    {
        var line = new ResultLine()
            .Add("coverage", m.Coverage, 4)
            .Add("coverageBound", m.CoverageBound, 4)
            .Add("maxPerUnfilled", m.MaxPerUnfilled, 2)
            .Add("openingsReached", m.OpeningsReached, 4)
            .Add("gini", m.Gini, 4)
            .Add("meanScore", m.MeanScore, 4)
            .Add("meanFirstScore", m.MeanFirstScore, 4)
            .Add("recommendations", m.Recommendations);
        return seconds is { } s && peakMb is { } mb ? line.Add("seconds", s, 1).Add("peakMemoryMb", mb, 1) : line;
    }
}
