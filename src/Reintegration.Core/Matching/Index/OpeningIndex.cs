using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Reintegration.Domain;
using Reintegration.Matching.Eligibility;
using Reintegration.Matching.Scoring;

namespace Reintegration.Matching.Index;

/// <summary>
/// The open openings in memory, answering "the top k for this profile" without judging every one.
/// Openings sit in buckets by (country, ISCO sub-major group): a query reads only the buckets of its
/// person's occupational fields, takes a whole country at once when a rule bars all of it (a lifelong
/// ban, non-refoulement, no consent to move there), starts with the home country (where the best
/// scores usually are, so the bar for the top k rises early), and skips the scoring of an opening
/// whose best possible score cannot enter the top k: first from its occupation and pathway alone,
/// then, before the distance, from every other component. Its answers equal
/// <see cref="MatchingEngine.FullScan"/>'s: the top k and the exclusion counts do not depend on the
/// order openings are visited in. <see cref="Rank"/> answers the top k alone (a digest's candidates)
/// by a leaner walk that judges only openings that could still enter it.
/// <para>
/// Changes are copy-on-write: a writer builds the buckets it changes and publishes a new snapshot in
/// one reference swap, so a query sees every change of a batch or none of it, and never waits.
/// Memory is one compiled entry per opening plus the bucket arrays.
/// </para>
/// </summary>
public sealed class OpeningIndex(MatchingEngine engine)
{
    private const int SubMajorSlots = 100;
    [ThreadStatic]
    private static (List<((int, int, int), double)> Runs, PriorityQueue<(int, int, int), double> Queue)? _runs;

    private readonly Lock _writer = new();
    private Snapshot _snapshot = Snapshot.Empty(engine.Countries.Count * SubMajorSlots);

    public int Count => Volatile.Read(ref _snapshot).ById.Count;

    /// <summary>Adds or replaces openings (by id) and removes others, as one change readers see whole.</summary>
    public void Apply(IEnumerable<OpeningListing> upserts, IEnumerable<string>? removals = null)
    {
        var compiled = upserts.Select(engine.Compile).ToList();
        lock (_writer)
        {
            var current = _snapshot;
            var byId = current.ById.ToBuilder();
            var changed = new Dictionary<int, List<CandidateOpening>>();
            void Edit(int bucket, Action<List<CandidateOpening>> change)
            {
                if (!changed.TryGetValue(bucket, out var list))
                {
                    changed[bucket] = list = [.. current.Buckets[bucket]];
                }

                change(list);
            }

            foreach (var id in removals ?? [])
            {
                if (byId.Remove(id, out var old))
                {
                    Edit(BucketOf(old), list => list.Remove(old));
                }
            }

            foreach (var opening in compiled)
            {
                if (byId.TryGetValue(opening.Id, out var old))
                {
                    Edit(BucketOf(old), list => list.Remove(old));
                }

                byId[opening.Id] = opening;
                Edit(BucketOf(opening), list => list.Add(opening));
            }

            var buckets = (CandidateOpening[][])current.Buckets.Clone();
            var keys = (OpeningKey[][])current.Keys.Clone();
            var runs = (int[][])current.Runs.Clone();
            foreach (var (bucket, list) in changed)
            {
                list.Sort(ByOccupation);
                buckets[bucket] = [.. list];
                keys[bucket] = Array.ConvertAll(buckets[bucket], OpeningKey.Of);
                runs[bucket] = UnitGroupRuns(keys[bucket]);
            }

            Volatile.Write(ref _snapshot, new Snapshot(buckets, keys, runs, byId.ToImmutable()));
        }
    }

    public void Upsert(OpeningListing listing) => Apply([listing]);

    public void Remove(string id) => Apply([], [id]);

    public OpeningListing? Find(string id) => Volatile.Read(ref _snapshot).ById.TryGetValue(id, out var o) ? o.Listing : null;

    /// <summary>Every opening held, in no particular order (for a full scan of the same set).</summary>
    public IReadOnlyList<OpeningListing> Listings() => Volatile.Read(ref _snapshot).ById.Values.Select(o => o.Listing).ToList();

    /// <summary>The top k, explained, with every opening of the person's fields judged to count what each rule excludes.</summary>
    public MatchResult Match(Profile profile, MatchQuery query)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var seeker = engine.Compile(profile);
        var fields = Fields(seeker);
        var today = query.Today.DayNumber;
        var scorer = engine.Scorer;
        var excluded = new ExclusionTally();
        var best = new TopK<(CandidateOpening Opening, Scored Scored)>(Math.Clamp(query.Top, 0, MatchQuery.MaxTop), x => x.Opening.Id);
        for (var step = 0; step < engine.Countries.Count; step++)
        {
            var country = HomeFirst(step, seeker.HomeCountry);
            if (query.Country is { } only && engine.Countries.Codes[country] != only)
            {
                continue;
            }

            var barred = HardRules.BarringWholeCountry(seeker, country, today);
            foreach (var field in fields)
            {
                var bucket = snapshot.Buckets[country * SubMajorSlots + field];
                if (barred is { } reason)
                {
                    excluded.Add(reason, bucket.Length);
                    continue;
                }

                foreach (var opening in bucket)
                {
                    if (HardRules.FirstBroken(seeker, opening, today) is { } broken)
                    {
                        excluded.Add(broken);
                        continue;
                    }

                    var tier = LocationScore.TierOf(seeker, opening);
                    if (scorer.QuickBound(seeker, opening, tier) < best.Threshold)
                    {
                        continue;
                    }

                    var partial = scorer.PartialWithoutLocation(seeker, opening);
                    if (scorer.UpperBound(partial, tier) < best.Threshold)
                    {
                        continue;
                    }

                    // Checked only for openings that could still enter the top k: skipping cannot change the others' fate.
                    if (query.Skip?.Invoke(opening.Listing) == true)
                    {
                        continue;
                    }

                    var scored = scorer.Complete(seeker, opening, partial, tier);
                    best.Offer((opening, scored), scored.Score);
                }
            }
        }

        return engine.Result(seeker, best, excluded.ToCounts(), query);
    }

    /// <summary>
    /// The top k alone, ids and scores, the same as <see cref="Match"/> finds, without counting
    /// exclusions or writing matches: all a digest needs of its candidates. So nothing need be judged
    /// that could not enter the top k. A bucket's openings are in order of occupation, each ISCO unit
    /// group one run (at home, the person's own region a run apart), and every run of the person's
    /// fields gets a bound (its occupation score, the best pathway and location its country, or region,
    /// allows); runs are walked best bound first, and the walk
    /// ends at the first whose bound cannot enter. Within a run, an opening is bounded from its key
    /// before it is read, and judged only if it could still enter.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<RankedOpening> Rank(Profile profile, MatchQuery query)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var seeker = engine.Compile(profile);
        var today = query.Today.DayNumber;
        var scorer = engine.Scorer;
        var top = new TopK<CandidateOpening>(Math.Clamp(query.Top, 0, MatchQuery.MaxTop), x => x.Id);
        var runs = Runs(snapshot, seeker, query);
        while (runs.TryDequeue(out var run, out var bound) && bound >= top.Threshold)
        {
            var (bucket, keys) = (snapshot.Buckets[run.Bucket], snapshot.Keys[run.Bucket]);
            var country = bucket[run.From].Country;
            var route = seeker.Regimes[country].Pathway;
            for (var i = run.From; i < run.To; i++)
            {
                var tier = LocationScore.TierOf(seeker, country, keys[i].Region);
                var pathway = PathwayScore.Of(route, keys[i].PermitSponsorship);
                if (scorer.Bound(OccupationScore.Of(seeker, keys[i].Isco), pathway, tier) < top.Threshold)
                {
                    continue;
                }

                var opening = bucket[i];
                if (HardRules.FirstBroken(seeker, opening, today) is not null)
                {
                    continue;
                }

                var partial = scorer.PartialWithoutLocation(seeker, opening);
                if (scorer.UpperBound(partial, tier) < top.Threshold)
                {
                    continue;
                }

                // Asked only of an opening that would enter the top k: fewer calls, and skipping cannot change the others' fate.
                var score = scorer.Total(seeker, opening, partial, tier);
                if (score < top.Threshold || query.Skip?.Invoke(opening.Listing) == true)
                {
                    continue;
                }

                top.Offer(opening, score);
            }
        }

        return top.ToSortedList().Select(x => new RankedOpening(x.Item.Id, x.Score)).ToList();
    }

    /// <summary>Every run of one unit group in the person's fields, in countries not barred whole, by its bound, highest first.</summary>
    private PriorityQueue<(int Bucket, int From, int To), double> Runs(Snapshot snapshot, Seeker seeker, MatchQuery query)
    {
        // One queue per thread, reused: a query lists hundreds of runs, and a digest asks tens of thousands
        // of queries. (So a Skip that ranked again on the same thread would upset the walk; none does.)
        var (runs, queue) = _runs ??= ([], new PriorityQueue<(int, int, int), double>(HighestFirst.Instance));
        runs.Clear();
        queue.Clear();
        var fields = Fields(seeker);
        for (var country = 0; country < engine.Countries.Count; country++)
        {
            if ((query.Country is { } only && engine.Countries.Codes[country] != only)
                || HardRules.BarringWholeCountry(seeker, country, query.Today.DayNumber) is not null)
            {
                continue;
            }

            var pathway = PathwayScore.Of(seeker.Regimes[country].Pathway, permitSponsorship: true);
            foreach (var field in fields)
            {
                var bucket = country * SubMajorSlots + field;
                var (keys, starts) = (snapshot.Keys[bucket], snapshot.Runs[bucket]);
                for (var run = 0; run + 1 < starts.Length; run++)
                {
                    var (from, to) = (starts[run], starts[run + 1]);
                    var occupation = OccupationScore.Of(seeker, keys[from].Isco);
                    if (country != seeker.HomeCountry)
                    {
                        runs.Add(((bucket, from, to), engine.Scorer.Bound(occupation, pathway, Nearness.OtherState)));
                        continue;
                    }

                    // At home, the person's own region is a run of its own (a run is in order of region), bounded by
                    // the nearest tier and so walked first: the top k fill from it and bar more of the rest early.
                    var (start, end) = RegionWithin(keys, from, to, seeker.HomeRegion);
                    var elsewhere = engine.Scorer.Bound(occupation, pathway, Nearness.SameCountry);
                    AddUnlessEmpty(runs, (bucket, start, end), engine.Scorer.Bound(occupation, pathway, Nearness.SameRegion));
                    AddUnlessEmpty(runs, (bucket, from, start), elsewhere);
                    AddUnlessEmpty(runs, (bucket, end, to), elsewhere);
                }
            }
        }

        queue.EnqueueRange(runs);
        return queue;
    }

    private static void AddUnlessEmpty(List<((int, int, int), double)> runs, (int Bucket, int From, int To) run, double bound)
    {
        if (run.From < run.To)
        {
            runs.Add((run, bound));
        }
    }

    /// <summary>
    /// Openings of one bucket in order of occupation, then region, ties by id: so each ISCO unit group
    /// is one run, and within it each region's openings are together.
    /// </summary>
    private static int ByOccupation(CandidateOpening x, CandidateOpening y) =>
        x.Isco.Unit != y.Isco.Unit ? x.Isco.Unit.CompareTo(y.Isco.Unit)
        : x.Region != y.Region ? x.Region.CompareTo(y.Region)
        : string.CompareOrdinal(x.Id, y.Id);

    /// <summary>
    /// Where the openings of <paramref name="region"/> lie in one run, in order of region: an empty range
    /// when there are none or the region is unknown (0: then no opening is in the person's own region).
    /// </summary>
    private static (int Start, int End) RegionWithin(OpeningKey[] keys, int from, int to, int region)
    {
        if (region == 0)
        {
            return (from, from);
        }

        var start = FirstRegionFrom(keys, from, to, region);
        return (start, FirstRegionFrom(keys, start, to, region + 1));
    }

    /// <summary>The first index in [from, to) whose region is at least <paramref name="region"/> (a binary search), or to.</summary>
    private static int FirstRegionFrom(OpeningKey[] keys, int from, int to, int region)
    {
        while (from < to)
        {
            var middle = from + (to - from) / 2;
            (from, to) = keys[middle].Region < region ? (middle + 1, to) : (from, middle);
        }

        return from;
    }

    /// <summary>Where each run of one unit group starts, and the end.</summary>
    private static int[] UnitGroupRuns(OpeningKey[] keys)
    {
        var starts = new List<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i].Isco.Unit != keys[i - 1].Isco.Unit)
            {
                starts.Add(i);
            }
        }

        starts.Add(keys.Length);
        return [.. starts];
    }

    /// <summary>The ISCO sub-major groups of the person's occupations: the buckets' second key.</summary>
    private static int[] Fields(Seeker seeker) => seeker.Occupations.Select(o => o.Isco.SubMajor).Distinct().ToArray();

    /// <summary>The country visited at <paramref name="step"/>: home first, then the others in their order.</summary>
    private static int HomeFirst(int step, int home) => step == 0 ? home : step <= home ? step - 1 : step;

    private int BucketOf(CandidateOpening opening) => opening.Country * SubMajorSlots + opening.Isco.SubMajor;

    /// <summary>
    /// The openings by bucket (in order of occupation), each bucket's keys in the same order and where
    /// its unit groups start, and the openings by id.
    /// </summary>
    private sealed record Snapshot(
        CandidateOpening[][] Buckets, OpeningKey[][] Keys, int[][] Runs, ImmutableDictionary<string, CandidateOpening> ById)
    {
        public static Snapshot Empty(int buckets) => new(
            Enumerable.Repeat(Array.Empty<CandidateOpening>(), buckets).ToArray(),
            Enumerable.Repeat(Array.Empty<OpeningKey>(), buckets).ToArray(),
            Enumerable.Repeat(new[] { 0 }, buckets).ToArray(),
            ImmutableDictionary.Create<string, CandidateOpening>(StringComparer.Ordinal));
    }

    private sealed class HighestFirst : IComparer<double>
    {
        public static readonly HighestFirst Instance = new();

        public int Compare(double x, double y) => y.CompareTo(x);
    }
}
