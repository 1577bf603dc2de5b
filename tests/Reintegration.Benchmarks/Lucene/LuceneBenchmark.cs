using System.Diagnostics;
using Reintegration.Benchmarks.Harness;
using Reintegration.Benchmarks.Match;
using Reintegration.Demo;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;

namespace Reintegration.Benchmarks.Lucene;

/// <summary>
/// <c>lucene</c>: the index against Lucene.NET on the same openings and queries, in one run. Builds
/// both, warms both up, then answers every query with each in turn (so that both meet the same load
/// on a busy machine), times each, and checks that both give the same top 10 (ids and scores). The
/// index is timed doing more than Lucene: <see cref="OpeningIndex.Match"/> also counts what each rule
/// excluded; <see cref="OpeningIndex.Rank"/> (the top k alone, as Lucene gives) is timed too. Prints
/// progress to standard error and one JSON line last; exits 1 when the answers differ.
/// </summary>
internal static class LuceneBenchmark
{
    public static readonly BenchmarkMode Mode = new(
        "lucene",
        "the index against Lucene.NET 4.8 on the same openings and queries: p50/p99 of both, and the same top 10",
        LuceneSettings.Options,
        args => Run(LuceneSettings.From(args)));

    private static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(3);
    private const int Top = 10;

    private static int Run(LuceneSettings settings)
    {
        var progress = new Progress();
        var reference = ReferenceData.Shared;
        var demo = new DemoData(reference, settings.Seed, MatchSettings.Today);
        var openings = progress.Time(
            () => demo.Openings(settings.Openings), (o, t) => $"generated {o.Count:N0} openings in {t.TotalSeconds:0.0} s");
        var listings = MatchWorkload.Listings(openings, settings.Seed);
        var cases = MatchWorkload.Cases(demo, settings.Queries);
        var engine = new MatchingEngine(reference);
        var index = new OpeningIndex(engine);
        var started = Stopwatch.GetTimestamp();
        index.Apply(listings);
        var indexBuild = Stopwatch.GetElapsedTime(started);
        progress.Log($"index built in {indexBuild.TotalSeconds:0.00} s");
        started = Stopwatch.GetTimestamp();
        using var lucene = new LuceneEngine(engine, listings, MatchSettings.Today);
        var luceneBuild = Stopwatch.GetElapsedTime(started);
        progress.Log($"Lucene index built in {luceneBuild.TotalSeconds:0.00} s");

        var query = new MatchQuery { Today = MatchSettings.Today, Top = Top, Language = "en", Explain = false };
        var warmed = 0;
        for (var clock = Stopwatch.StartNew(); warmed < settings.Warmup || clock.Elapsed < MinimumWarmup; warmed++)
        {
            var profile = cases[warmed % cases.Count].Profile;
            _ = index.Match(profile, query);
            _ = index.Rank(profile, query);
            _ = lucene.Top(profile, query);
        }

        progress.Log($"warmed up with {warmed:N0} queries on each");
        GC.Collect();
        var (matchTimes, rankTimes, luceneTimes) = (new Latencies(cases.Count), new Latencies(cases.Count), new Latencies(cases.Count));
        var disagreements = 0;
        foreach (var (centre, profile) in cases)
        {
            var t0 = Stopwatch.GetTimestamp();
            var matched = index.Match(profile, query);
            var t1 = Stopwatch.GetTimestamp();
            _ = index.Rank(profile, query);
            var t2 = Stopwatch.GetTimestamp();
            var found = lucene.Top(profile, query);
            var t3 = Stopwatch.GetTimestamp();
            matchTimes.Add(t0, t1);
            rankTimes.Add(t1, t2);
            luceneTimes.Add(t2, t3);
            var ours = matched.Matches.Select(m => (m.OpeningId, m.Score)).ToList();
            if (!ours.SequenceEqual(found) && disagreements++ == 0)
            {
                progress.Log($"DISAGREEMENT (centre {centre}): index [{string.Join(", ", ours)}], Lucene [{string.Join(", ", found)}]");
            }
        }

        var (matchP50, luceneP50) = (matchTimes.Percentile(50), luceneTimes.Percentile(50));
        var rankP50 = rankTimes.Percentile(50);
        progress.Log($"index Match p50 {matchP50:0.000} ms, Rank p50 {rankP50:0.000} ms, Lucene p50 {luceneP50:0.000} ms; {disagreements} disagreed");
        new ResultLine()
            .Add("openings", settings.Openings)
            .Add("queries", cases.Count)
            .Add("indexP50Ms", matchP50, 3)
            .Add("indexP99Ms", matchTimes.Percentile(99), 3)
            .Add("rankP50Ms", rankP50, 3)
            .Add("rankP99Ms", rankTimes.Percentile(99), 3)
            .Add("luceneP50Ms", luceneP50, 3)
            .Add("luceneP99Ms", luceneTimes.Percentile(99), 3)
            .Add("ratioP50", luceneP50 / matchP50, 1)
            .Add("ratioP99", luceneTimes.Percentile(99) / matchTimes.Percentile(99), 1)
            .Add("sameTop10", disagreements == 0)
            .Add("indexBuildSeconds", indexBuild.TotalSeconds, 2)
            .Add("luceneBuildSeconds", luceneBuild.TotalSeconds, 2)
            .Print();
        return disagreements == 0 ? 0 : 1;
    }
}
