using System.Diagnostics;
using System.Globalization;
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
/// <c>digest</c>: one congestion-aware digest run in memory over demo data (candidates from the index,
/// allocation across all centres, explanations in two languages), timed; then the same people's
/// candidates allocated both congestion-aware and as plain per-person top-k, and compared: coverage,
/// congestion (the most recommendations per unfilled position, the Gini coefficient over openings)
/// and the mean score of what is recommended.
/// </summary>
internal static class DigestBenchmark
{
    public static readonly BenchmarkMode Mode = new(
        "digest",
        "one in-memory digest run, and congestion-aware allocation against plain top-k",
        DigestSettings.Options,
        args => Run(DigestSettings.From(args)));

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
        memory.Sample();
        var composer = new DigestComposer(engine, index);
        var options = new DigestOptions { CongestionMultiplier = settings.Multiplier, TopPerProfile = settings.Top, CandidatesPerProfile = settings.Candidates };
        var week = IsoWeek.Of(DigestSettings.Today);

        var start = Stopwatch.GetTimestamp();
        var digests = composer.Compose(people, demo.Centres().Select(c => c.Key), week, DateTimeOffset.UnixEpoch, options);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        memory.Sample();
        progress.Log($"digest run: {digests.Count} centres, {digests.Sum(d => d.Entries.Count):N0} entries, {digests.Sum(d => d.Entries.Sum(e => e.Recommendations.Count)):N0} recommendations in {seconds:N1} s");

        var open = composer.OpenListings(week);
        var wishlists = composer.Wishlists(people, open, week, options);
        var aware = DigestComposer.Allocate(wishlists, open, options, congestionAware: true).Metrics;
        var plain = DigestComposer.Allocate(wishlists, open, options, congestionAware: false).Metrics;
        memory.Sample();

        Console.Out.WriteLine("| allocation | people with a recommendation | openings recommended | most recommendations per unfilled position | Gini over openings | mean score |");
        Console.Out.WriteLine("| --- | --- | --- | --- | --- | --- |");
        Console.Out.WriteLine(Row("per-person top-k", plain));
        Console.Out.WriteLine(Row($"congestion-aware (cap {settings.Multiplier} x unfilled)", aware));

        var line = new ResultLine()
            .Add("profiles", settings.Profiles)
            .Add("openings", settings.Openings)
            .Add("seconds", seconds, 1)
            .Add("peakMemoryMb", memory.PeakMegabytes(), 1);
        Add(line, "aware", aware);
        Add(line, "plain", plain);
        line.Print();
        return 0;
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
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {m.ProfileCoverage:P1} | {m.OpeningCoverage:P1} | {m.MaxPerPosition:0.#} | {m.Gini:0.000} | {m.MeanScore:0.000} |");

    private static void Add(ResultLine line, string prefix, AllocationMetrics m) => line
        .Add(prefix + "ProfileCoverage", m.ProfileCoverage, 4)
        .Add(prefix + "OpeningCoverage", m.OpeningCoverage, 4)
        .Add(prefix + "MaxPerPosition", m.MaxPerPosition, 2)
        .Add(prefix + "Gini", m.Gini, 4)
        .Add(prefix + "MeanScore", m.MeanScore, 4)
        .Add(prefix + "Recommendations", m.Recommendations);
}
