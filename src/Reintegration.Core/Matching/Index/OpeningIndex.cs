using System.Runtime.CompilerServices;
using Reintegration.Domain;
using Reintegration.Matching.Eligibility;
using Reintegration.Matching.Scoring;

namespace Reintegration.Matching.Index;

/// <summary>
/// The open openings in memory, answering "the top k for this profile" without judging every one.
/// Openings sit in buckets by (country, ISCO sub-major group): a query reads only the buckets of its
/// person's occupational fields, passes over a whole country at once when a rule bars all of it (a
/// lifelong ban, non-refoulement, no consent to move there), walks the rest best bound first, and
/// skips the scoring of an opening whose best possible score cannot enter the top k: first from its
/// occupation and pathway alone, then, before the distance, from every other component. The
/// exclusions a match reports are counted from each bucket's counts for the day, not by judging its
/// openings. Its answers equal <see cref="MatchingEngine.FullScan"/>'s: the top k and the exclusion
/// counts do not depend on the order openings are visited in. <see cref="Rank"/> answers the top k
/// alone (a digest's candidates), by the same walk.
/// <para>
/// Changes are copy-on-write: a writer builds the buckets (and the parts of the id map) it changes and
/// publishes a new snapshot in one reference swap, so a query sees every change of a batch or none of
/// it, and never waits. Memory is one compiled entry per opening, its key, and the bucket arrays.
/// </para>
/// </summary>
public sealed class OpeningIndex(MatchingEngine engine)
{
    private const int SubMajorSlots = 100;

    /// <summary>The openings by id are split this many ways, so that a change copies a small part of the map, not all of it.</summary>
    private const int IdShards = 256;

    /// <summary>Batches this large are compiled on every core: a load at start, or a full reload.</summary>
    private const int ParallelCompileFrom = 4096;

    [ThreadStatic]
    private static RunQueue? _runs;

    private readonly Lock _writer = new();
    private Snapshot _snapshot = Snapshot.Empty(engine.Countries.Count * SubMajorSlots);

    public int Count => Volatile.Read(ref _snapshot).Count;

    /// <summary>Adds or replaces openings (by id) and removes others, as one change readers see whole.</summary>
    public void Apply(IEnumerable<OpeningListing> upserts, IEnumerable<string>? removals = null)
    {
        var listings = upserts as IReadOnlyCollection<OpeningListing> ?? upserts.ToList();
        var compiled = listings.Count >= ParallelCompileFrom
            ? listings.AsParallel().AsOrdered().Select(engine.Compile).ToList()
            : listings.Select(engine.Compile).ToList();
        lock (_writer)
        {
            var current = _snapshot;
            if (current.Count == 0)
            {
                // A first load (a million openings at start): built at once, not change by change.
                Volatile.Write(ref _snapshot, Build(compiled, current.Buckets.Length));
                return;
            }

            var byId = (Dictionary<string, CandidateOpening>[])current.ById.Clone();
            var copied = new bool[IdShards];
            Dictionary<string, CandidateOpening> Shard(string id)
            {
                var shard = ShardOf(id);
                if (!copied[shard])
                {
                    byId[shard] = new Dictionary<string, CandidateOpening>(byId[shard], StringComparer.Ordinal);
                    copied[shard] = true;
                }

                return byId[shard];
            }

            // Per bucket changed: the openings leaving it, and those entering it (the last of an id wins).
            var changed = new Dictionary<int, (HashSet<CandidateOpening> Leaving, Dictionary<string, CandidateOpening> Entering)>();
            (HashSet<CandidateOpening> Leaving, Dictionary<string, CandidateOpening> Entering) Edit(int bucket) =>
                changed.TryGetValue(bucket, out var edit) ? edit : changed[bucket] = ([], new(StringComparer.Ordinal));
            var count = current.Count;
            foreach (var id in removals ?? [])
            {
                if (Shard(id).Remove(id, out var old))
                {
                    Edit(BucketOf(old)).Leaving.Add(old);
                    count--;
                }
            }

            foreach (var opening in compiled)
            {
                var shard = Shard(opening.Id);
                if (shard.TryGetValue(opening.Id, out var old))
                {
                    var edit = Edit(BucketOf(old));
                    if (!edit.Entering.Remove(old.Id))
                    {
                        edit.Leaving.Add(old);
                    }
                }
                else
                {
                    count++;
                }

                shard[opening.Id] = opening;
                Edit(BucketOf(opening)).Entering[opening.Id] = opening;
            }

            var buckets = (CandidateOpening[][])current.Buckets.Clone();
            var keys = (OpeningKey[][])current.Keys.Clone();
            var runs = (int[][])current.Runs.Clone();
            var licensed = (int[][])current.Licensed.Clone();
            var days = (BucketDay?[])current.Days.Clone();
            foreach (var (bucket, (leaving, entering)) in changed)
            {
                var list = new List<CandidateOpening>(current.Buckets[bucket].Length + entering.Count);
                list.AddRange(leaving.Count == 0 ? current.Buckets[bucket] : current.Buckets[bucket].Where(o => !leaving.Contains(o)));
                list.AddRange(entering.Values);
                list.Sort(ByOccupation);
                buckets[bucket] = [.. list];
                (keys[bucket], runs[bucket], licensed[bucket]) = Derive(buckets[bucket]);
                days[bucket] = null;
            }

            Volatile.Write(ref _snapshot, new Snapshot(buckets, keys, runs, licensed, days, byId, count));
        }
    }

    /// <summary>
    /// The index of these openings alone (the last of an id wins, as in <see cref="Apply"/>): every map and array
    /// sized up front, the buckets sorted on every core, and none of a change's bookkeeping of what leaves and enters.
    /// </summary>
    private static Snapshot Build(List<CandidateOpening> compiled, int bucketCount)
    {
        var shards = new int[compiled.Count];
        var shardSizes = new int[IdShards];
        for (var i = 0; i < compiled.Count; i++)
        {
            shardSizes[shards[i] = ShardOf(compiled[i].Id)]++;
        }

        var byId = Array.ConvertAll(shardSizes, size => new Dictionary<string, CandidateOpening>(size, StringComparer.Ordinal));
        for (var i = 0; i < compiled.Count; i++)
        {
            byId[shards[i]][compiled[i].Id] = compiled[i];
        }

        var count = byId.Sum(shard => shard.Count);
        var held = count == compiled.Count ? compiled : compiled.Where((o, i) => ReferenceEquals(byId[shards[i]][o.Id], o)).ToList();
        var bucketSizes = new int[bucketCount];
        foreach (var opening in held)
        {
            bucketSizes[BucketOf(opening)]++;
        }

        var buckets = Array.ConvertAll(bucketSizes, size => size == 0 ? [] : new CandidateOpening[size]);
        var filled = new int[bucketCount];
        foreach (var opening in held)
        {
            var bucket = BucketOf(opening);
            buckets[bucket][filled[bucket]++] = opening;
        }

        var (keys, runs, licensed) = (new OpeningKey[bucketCount][], new int[bucketCount][], new int[bucketCount][]);
        Parallel.For(0, bucketCount, bucket =>
        {
            Array.Sort(buckets[bucket], ByOccupation);
            (keys[bucket], runs[bucket], licensed[bucket]) = Derive(buckets[bucket]);
        });
        return new Snapshot(buckets, keys, runs, licensed, new BucketDay?[bucketCount], byId, count);
    }

    /// <summary>What a bucket keeps beside its openings (in order of occupation): their keys, its unit groups' runs, who asks for licences.</summary>
    private static (OpeningKey[] Keys, int[] Runs, int[] Licensed) Derive(CandidateOpening[] bucket)
    {
        var keys = Array.ConvertAll(bucket, OpeningKey.Of);
        return (keys, UnitGroupRuns(keys), Enumerable.Range(0, keys.Length).Where(i => keys[i].NeedsLicence).ToArray());
    }

    public void Upsert(OpeningListing listing) => Apply([listing]);

    public void Remove(string id) => Apply([], [id]);

    public OpeningListing? Find(string id) => Volatile.Read(ref _snapshot).ById[ShardOf(id)].TryGetValue(id, out var o) ? o.Listing : null;

    /// <summary>The opening as the index compiled it, if the index holds this very listing (not an older or newer one of its id).</summary>
    internal CandidateOpening? CompiledOf(OpeningListing listing) =>
        Volatile.Read(ref _snapshot).ById[ShardOf(listing.Id)].TryGetValue(listing.Id, out var o) && ReferenceEquals(o.Listing, listing) ? o : null;

    /// <summary>Every opening held, in no particular order (for a full scan of the same set, or a snapshot).</summary>
    public IReadOnlyList<OpeningListing> Listings()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var listings = new List<OpeningListing>(snapshot.Count);
        foreach (var shard in snapshot.ById)
        {
            listings.AddRange(shard.Values.Select(o => o.Listing));
        }

        return listings;
    }

    /// <summary>
    /// The top k, explained, and what each rule excludes of the person's fields. The top k are
    /// <see cref="Rank"/>'s, scored again in full (a handful); the exclusions are counted from each
    /// bucket's counts for the day (<see cref="BucketDay"/>), not by judging its openings one by one.
    /// </summary>
    public MatchResult Match(Profile profile, MatchQuery query)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var seeker = engine.Compile(profile);
        var excluded = Excluded(snapshot, seeker, query);
        var ranked = Best(snapshot, seeker, query);
        var best = new TopK<(CandidateOpening Opening, Scored Scored)>(Math.Clamp(query.Top, 0, MatchQuery.MaxTop));
        foreach (var (opening, _) in ranked.ToSortedList())
        {
            var scored = engine.Scorer.Score(seeker, opening);
            best.Offer((opening, scored), scored.Score, opening.Id);
        }

        return engine.Result(seeker, best, excluded.ToCounts(), query);
    }

    /// <summary>
    /// The top k alone, ids and scores, the same as <see cref="Match"/> finds, without counting
    /// exclusions or writing matches: all a digest needs of its candidates.
    /// </summary>
    public IReadOnlyList<RankedOpening> Rank(Profile profile, MatchQuery query)
    {
        var sorted = Best(Volatile.Read(ref _snapshot), engine.Compile(profile), query).ToSortedList();
        var ranked = new RankedOpening[sorted.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new RankedOpening(sorted[i].Item.Id, sorted[i].Score);
        }

        return ranked;
    }

    /// <summary>
    /// The top k, judging nothing that could not enter it. A bucket's openings are in order of
    /// occupation, each ISCO unit group one run (at home, the person's own region a run apart), and
    /// every run of the person's fields gets a bound (its occupation score, the best pathway and
    /// location its country, or region, allows); runs are walked best bound first, and the walk
    /// ends at the first whose bound cannot enter. Within a run, an opening is judged and bounded
    /// from its key (every score component but distance; skills and language from the bits of their
    /// numbers, at most) before it is read (its licences only when it asks for one), and scored only if
    /// it could still enter.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TopK<CandidateOpening> Best(Snapshot snapshot, Seeker seeker, MatchQuery query)
    {
        var today = query.Today.DayNumber;
        var scorer = engine.Scorer;
        var top = new TopK<CandidateOpening>(Math.Clamp(query.Top, 0, MatchQuery.MaxTop));
        var runs = Runs(snapshot, seeker, query);
        while (runs.TryTake(out var run, out var bound) && bound >= top.Threshold)
        {
            var (bucket, keys) = (snapshot.Buckets[run.Bucket], snapshot.Keys[run.Bucket]);
            var country = bucket[run.From].Country;
            var route = seeker.Regimes[country].Pathway;
            // A run is one unit group: what its occupation gives the person is the same for all its openings.
            var fit = OccupationFit.Of(seeker, keys[run.From].Isco);
            for (var i = run.From; i < run.To; i++)
            {
                // Judged and bounded from the key first: most openings are never read.
                ref readonly var key = ref keys[i];
                var tier = LocationScore.TierOf(seeker, country, key.Region);
                if (scorer.KeyBound(seeker, key, fit, PathwayScore.Of(route, key.PermitSponsorship), tier) < top.Threshold
                    || HardRules.FirstBrokenBeforeLicences(seeker, country, key, today) is not null)
                {
                    continue;
                }

                var opening = bucket[i];
                if (key.NeedsLicence && OpenAndReachableRule.LacksLicence(seeker, opening))
                {
                    continue;
                }

                var partial = scorer.PartialWithoutLocation(seeker, opening, fit);
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

                top.Offer(opening, score, opening.Id);
            }
        }

        return top;
    }

    /// <summary>
    /// What each rule excludes of the openings of the person's fields, each under the first rule it
    /// breaks in <see cref="HardRules.FirstBroken"/>'s order, as judging them one by one would count them.
    /// </summary>
    private ExclusionTally Excluded(Snapshot snapshot, Seeker seeker, MatchQuery query)
    {
        var today = query.Today.DayNumber;
        var excluded = new ExclusionTally();
        var fields = Fields(seeker);
        for (var country = 0; country < engine.Countries.Count; country++)
        {
            if (query.Country is { } only && engine.Countries.Codes[country] != only)
            {
                continue;
            }

            var barred = HardRules.BarringWholeCountry(seeker, country, today);
            var banned = barred is null && seeker.Bans[country].Length > 0 ? BannedStarts(seeker.Bans[country], seeker, today) : null;
            foreach (var field in fields)
            {
                var bucket = country * SubMajorSlots + field;
                if (barred is { } reason)
                {
                    excluded.Add(reason, snapshot.Buckets[bucket].Length);
                }
                else if (snapshot.Buckets[bucket].Length > 0)
                {
                    CountBucket(snapshot, bucket, seeker, country, banned, today, excluded);
                }
            }
        }

        return excluded;
    }

    /// <summary>
    /// Counts one bucket of a country no rule bars whole. Where a ban covers the country, the openings it
    /// bars are those whose start day lies in <paramref name="banned"/>, counted from the bucket's start
    /// days in order; the rest are judged by the rules after the ban: non-refoulement or relocation takes
    /// them all when it bars the country, or else each is excluded only by its own terms and licences.
    /// </summary>
    private static void CountBucket(
        Snapshot snapshot, int bucket, Seeker seeker, int country, (int From, int Until)[]? banned, int today, ExclusionTally excluded)
    {
        var keys = snapshot.Keys[bucket];
        var day = BucketDay.For(ref snapshot.Days[bucket], keys, snapshot.Buckets[bucket], snapshot.Licensed[bucket], today);
        var (all, closed, notForRefugees) = (day.Starts.Length, day.Closed, day.NotForRefugees);
        foreach (var (from, until) in banned ?? [])
        {
            var (first, last) = (day.FirstStartingFrom(from), day.FirstStartingFrom(until));
            excluded.Add(ExclusionReason.ReentryBan, last - first);
            all -= last - first;
            closed -= day.ClosedBefore[last] - day.ClosedBefore[first];
            notForRefugees -= day.NotForRefugeesBefore[last] - day.NotForRefugeesBefore[first];
        }

        var afterBans = NonRefoulementRule.Bars(seeker, country) ? ExclusionReason.NonRefoulement
            : RelocationRule.Bars(seeker, country) ? ExclusionReason.Relocation
            : (ExclusionReason?)null;
        if (afterBans is { } reason)
        {
            excluded.Add(reason, all);
            return;
        }

        excluded.Add(ExclusionReason.Closed, closed);
        if (seeker.IsRefugee)
        {
            excluded.Add(ExclusionReason.RefugeesNotAccepted, notForRefugees);
        }

        foreach (var group in day.LicenceGroups)
        {
            if (!OpenAndReachableRule.LacksLicence(seeker, group.Example))
            {
                continue;
            }

            if (banned is null)
            {
                excluded.Add(ExclusionReason.Licence, seeker.IsRefugee ? group.OpenToRefugees : group.Open);
                continue;
            }

            foreach (var i in group.Openings)
            {
                if (HardRules.FirstBrokenBeforeLicences(seeker, country, keys[i], today) is null)
                {
                    excluded.Add(ExclusionReason.Licence);
                }
            }
        }
    }

    /// <summary>
    /// The start days of the openings a country's bans bar, as ranges [from, until) in order, none
    /// overlapping: the person would start an opening on the later of its start and the first day they
    /// can (today, or when they are available), so every opening starting by that day is barred when a
    /// ban is in force on it, and any later one when a ban is in force on its own start.
    /// </summary>
    private static (int From, int Until)[] BannedStarts(BanWindow[] bans, Seeker seeker, int today)
    {
        var earliest = seeker.StartDay(int.MinValue, today);
        var ranges = new List<(int From, int Until)>(bans.Length + 1);
        if (bans.Any(b => b.InForceOn(earliest)))
        {
            ranges.Add((int.MinValue, earliest + 1));
        }

        foreach (var ban in bans)
        {
            if (Math.Max(ban.FromDay, earliest + 1) < ban.UntilDay)
            {
                ranges.Add((Math.Max(ban.FromDay, earliest + 1), ban.UntilDay));
            }
        }

        ranges.Sort();
        var merged = new List<(int From, int Until)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.From <= merged[^1].Until)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].Until, range.Until));
            }
            else
            {
                merged.Add(range);
            }
        }

        return [.. merged];
    }

    /// <summary>Every run of one unit group in the person's fields, in countries not barred whole, by its bound, highest first.</summary>
    private RunQueue Runs(Snapshot snapshot, Seeker seeker, MatchQuery query)
    {
        // One queue per thread, reused: a query lists hundreds of runs, and a digest asks tens of thousands
        // of queries. (So a Skip that ranked again on the same thread would upset the walk; none does.)
        var runs = _runs ??= new RunQueue();
        runs.Clear();
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
                        runs.Add(bucket, from, to, engine.Scorer.Bound(occupation, pathway, Nearness.OtherState));
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

        return runs;
    }

    private static void AddUnlessEmpty(RunQueue runs, (int Bucket, int From, int To) run, double bound)
    {
        if (run.From < run.To)
        {
            runs.Add(run.Bucket, run.From, run.To, bound);
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

    private static int BucketOf(CandidateOpening opening) => opening.Country * SubMajorSlots + opening.Isco.SubMajor;

    private static int ShardOf(string id) => (int)((uint)StringComparer.Ordinal.GetHashCode(id) % IdShards);

    /// <summary>
    /// The openings by bucket (in order of occupation), each bucket's keys in the same order, where its
    /// unit groups start, which of its openings ask for a licence, and its counts for the last day asked
    /// (a cache, filled as queries come); and the openings by id (in <see cref="IdShards"/> maps, never
    /// changed once published).
    /// </summary>
    private sealed record Snapshot(
        CandidateOpening[][] Buckets, OpeningKey[][] Keys, int[][] Runs, int[][] Licensed, BucketDay?[] Days,
        Dictionary<string, CandidateOpening>[] ById, int Count)
    {
        public static Snapshot Empty(int buckets) => new(
            Enumerable.Repeat(Array.Empty<CandidateOpening>(), buckets).ToArray(),
            Enumerable.Repeat(Array.Empty<OpeningKey>(), buckets).ToArray(),
            Enumerable.Repeat(new[] { 0 }, buckets).ToArray(),
            Enumerable.Repeat(Array.Empty<int>(), buckets).ToArray(),
            new BucketDay?[buckets],
            Enumerable.Range(0, IdShards).Select(_ => new Dictionary<string, CandidateOpening>(StringComparer.Ordinal)).ToArray(),
            0);
    }
}
