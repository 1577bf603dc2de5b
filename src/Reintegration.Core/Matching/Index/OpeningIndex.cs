using System.Collections.Immutable;
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
/// order openings are visited in.
/// <para>
/// Changes are copy-on-write: a writer builds the buckets it changes and publishes a new snapshot in
/// one reference swap, so a query sees every change of a batch or none of it, and never waits.
/// Memory is one compiled entry per opening plus the bucket arrays.
/// </para>
/// </summary>
public sealed class OpeningIndex(MatchingEngine engine)
{
    private const int SubMajorSlots = 100;
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
            foreach (var (bucket, list) in changed)
            {
                buckets[bucket] = [.. list];
            }

            Volatile.Write(ref _snapshot, new Snapshot(buckets, byId.ToImmutable()));
        }
    }

    public void Upsert(OpeningListing listing) => Apply([listing]);

    public void Remove(string id) => Apply([], [id]);

    public OpeningListing? Find(string id) => Volatile.Read(ref _snapshot).ById.TryGetValue(id, out var o) ? o.Listing : null;

    /// <summary>Every opening held, in no particular order (for a full scan of the same set).</summary>
    public IReadOnlyList<OpeningListing> Listings() => Volatile.Read(ref _snapshot).ById.Values.Select(o => o.Listing).ToList();

    public MatchResult Match(Profile profile, MatchQuery query)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var seeker = engine.Compile(profile);
        var today = query.Today.DayNumber;
        var scorer = engine.Scorer;
        var excluded = new ExclusionTally();
        var best = new TopK<(CandidateOpening Opening, Scored Scored)>(Math.Clamp(query.Top, 0, MatchQuery.MaxTop), x => x.Opening.Id);
        var fields = seeker.Occupations.Select(o => o.Isco.SubMajor).Distinct().ToArray();

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

    /// <summary>The country visited at <paramref name="step"/>: home first, then the others in their order.</summary>
    private static int HomeFirst(int step, int home) => step == 0 ? home : step <= home ? step - 1 : step;

    private int BucketOf(CandidateOpening opening) => opening.Country * SubMajorSlots + opening.Isco.SubMajor;

    private sealed record Snapshot(CandidateOpening[][] Buckets, ImmutableDictionary<string, CandidateOpening> ById)
    {
        public static Snapshot Empty(int buckets) =>
            new(Enumerable.Repeat(Array.Empty<CandidateOpening>(), buckets).ToArray(), ImmutableDictionary.Create<string, CandidateOpening>(StringComparer.Ordinal));
    }
}
