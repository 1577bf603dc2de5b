using System.Runtime.InteropServices;
using Reintegration.Digests.Allocation;
using Reintegration.Matching;
using Reintegration.Matching.Index;

namespace Reintegration.Digests;

/// <summary>What one allocation gave everyone, how it spread, and the most people any allocation under the caps could reach.</summary>
public sealed record AllocationOutcome(IReadOnlyList<Assignment> Assignments, AllocationMetrics Metrics, int Bound)
{
    /// <summary>How many people were given at least one recommendation.</summary>
    public int Covered => Assignments.Count(a => a.Openings.Count > 0);
}

/// <summary>One week's digests, one per centre, and how the allocation behind them went.</summary>
public sealed record DigestRun(IReadOnlyList<Digest> Digests, AllocationOutcome Allocation);

/// <summary>
/// Makes the digests of one ISO week for every centre at once, so that the congestion cap holds
/// across centres: each person's new or changed candidates from the index, an allocation under
/// the caps (coverage first, <see cref="CoverageFirst"/>), then the recommendations explained in every
/// language there are words for. Rules are judged as of the week's Monday, so a run on any day of the
/// week gives the same digest for the same data.
/// </summary>
public sealed class DigestComposer(MatchingEngine engine, OpeningIndex index)
{
    /// <summary>The week's digests, by <see cref="CoverageFirst"/> unless another <paramref name="allocate"/> is measured.</summary>
    public DigestRun Compose(
        IReadOnlyList<DigestPerson> people,
        IEnumerable<string> centreIds,
        IsoWeek week,
        DateTimeOffset generatedAt,
        DigestOptions options,
        Allocator? allocate = null)
    {
        var ordered = Order(people);
        var openings = OpenListings(week);
        var wishlists = WishlistsInOrder(ordered, openings, week, options);
        var outcome = Allocate(wishlists, openings, options, EchoesLast.Around(allocate ?? CoverageFirst.Allocate, Echoes.Of(ordered)));
        var chosen = outcome.Assignments.ToDictionary(a => a.PersonId, a => a.Openings, StringComparer.Ordinal);
        var compiled = Compiled(outcome.Assignments, openings);
        var entries = OrderedParallel.Select(ordered, person => Explain(person, chosen[person.ProfileId], compiled, week));
        var byCentre = centreIds.Distinct(StringComparer.Ordinal)
            .ToDictionary(centre => centre, _ => new List<DigestEntry>(), StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            byCentre.GetValueOrDefault(ordered[i].CentreId)?.Add(entries[i]);
        }

        var digests = byCentre.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new Digest(c.Key, week.ToString(), generatedAt, c.Value))
            .ToList();
        return new DigestRun(digests, outcome);
    }

    /// <summary>Each person's candidates: eligible openings, best first, leaving out what their previous digest offered unless it changed since.</summary>
    public IReadOnlyList<Wishlist> Wishlists(IReadOnlyList<DigestPerson> people, IReadOnlyDictionary<string, OpeningListing> openings, IsoWeek week, DigestOptions options) =>
        WishlistsInOrder(Order(people), openings, week, options);

    /// <summary>The wishlists of people already in <see cref="Order"/>'s order.</summary>
    private Wishlist[] WishlistsInOrder(
        IReadOnlyList<DigestPerson> ordered, IReadOnlyDictionary<string, OpeningListing> openings, IsoWeek week, DigestOptions options)
    {
        var query = new MatchQuery { Today = week.Monday, Top = Math.Clamp(options.CandidatesPerProfile, 1, MatchQuery.MaxTop) };
        return OrderedParallel.Select(ordered, person =>
        {
            // What the previous digest offered is left out during the walk, so the top k are all new. Someone
            // offered nothing before has nothing to leave out: their walk need not read each entrant's listing.
            var ranked = index.Rank(person.Profile, person.PreviouslyRecommended.Count == 0
                ? query
                : query with { Skip = listing => !IsNewOrChanged(person, listing) });
            var candidates = new List<Candidate>(ranked.Count);
            foreach (var (id, score) in ranked)
            {
                if (openings.ContainsKey(id))
                {
                    candidates.Add(new Candidate(id, score));
                }
            }

            return new Wishlist(person.ProfileId, candidates);
        });
    }

    /// <summary>The week's allocation problem: the wishlists, and each open opening's congestion cap.</summary>
    public static AllocationProblem Problem(
        IReadOnlyList<Wishlist> wishlists, IReadOnlyDictionary<string, OpeningListing> openings, DigestOptions options) =>
        Problem(wishlists, Unfilled(openings), options);

    public static AllocationOutcome Allocate(
        IReadOnlyList<Wishlist> wishlists, IReadOnlyDictionary<string, OpeningListing> openings, DigestOptions options, Allocator allocate)
    {
        var unfilled = Unfilled(openings);
        var problem = Problem(wishlists, unfilled, options);
        // The bound only reads the problem's graph (built once, here): one core finds it while the other allocates.
        var graph = CandidateGraph.From(problem);
        var (assignments, bound) = ((IReadOnlyList<Assignment>)[], 0);
        Parallel.Invoke(() => assignments = allocate(problem), () => bound = MaxCoverage.Of(graph));
        return new AllocationOutcome(assignments, AllocationMetrics.Measure(assignments, unfilled, bound), bound);
    }

    private static AllocationProblem Problem(
        IReadOnlyList<Wishlist> wishlists, IReadOnlyDictionary<string, int> unfilled, DigestOptions options) =>
        new(wishlists, CongestionCap.For(unfilled, options.CongestionMultiplier), options.TopPerProfile);

    /// <summary>The openings that can still be recommended in that week: in the index, with a position left, not expired by its Monday.</summary>
    public IReadOnlyDictionary<string, OpeningListing> OpenListings(IsoWeek week)
    {
        var listings = index.Listings();
        var open = new Dictionary<string, OpeningListing>(listings.Count, StringComparer.Ordinal);
        foreach (var listing in listings)
        {
            if (listing.Unfilled > 0 && (listing.Opening.ExpiresOn is not { } expires || expires >= week.Monday))
            {
                open.Add(listing.Id, listing);
            }
        }

        return open;
    }

    public static IReadOnlyList<DigestPerson> Order(IReadOnlyList<DigestPerson> people) =>
        people.OrderBy(p => p.CentreId, StringComparer.Ordinal).ThenBy(p => p.ProfileId, StringComparer.Ordinal).ToList();

    private static Dictionary<string, int> Unfilled(IReadOnlyDictionary<string, OpeningListing> openings)
    {
        var unfilled = new Dictionary<string, int>(openings.Count, StringComparer.Ordinal);
        foreach (var (id, opening) in openings)
        {
            if (opening.Unfilled > 0)
            {
                unfilled.Add(id, opening.Unfilled);
            }
        }

        return unfilled;
    }

    private static bool IsNewOrChanged(DigestPerson person, OpeningListing opening) =>
        !person.PreviouslyRecommended.Contains(opening.Id) || opening.ChangedAt > person.PreviousDigestAt;

    /// <summary>
    /// Each opening the allocation recommends to anyone, compiled: as the index compiled it, unless the index has changed
    /// it since the week's listings were read. One opening goes to up to its cap of people.
    /// </summary>
    private Dictionary<string, CandidateOpening> Compiled(
        IEnumerable<Assignment> assignments, IReadOnlyDictionary<string, OpeningListing> openings)
    {
        var compiled = new Dictionary<string, CandidateOpening>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            foreach (var (id, _) in assignment.Openings)
            {
                ref var opening = ref CollectionsMarshal.GetValueRefOrAddDefault(compiled, id, out var known);
                if (!known)
                {
                    var listing = openings[id];
                    opening = index.CompiledOf(listing) ?? engine.Compile(listing);
                }
            }
        }

        return compiled;
    }

    private DigestEntry Explain(
        DigestPerson person, IReadOnlyList<Candidate> chosen, Dictionary<string, CandidateOpening> compiled, IsoWeek week)
    {
        var openings = new CandidateOpening[chosen.Count];
        for (var i = 0; i < openings.Length; i++)
        {
            openings[i] = compiled[chosen[i].OpeningId];
        }

        return new DigestEntry(person.ProfileId, person.Profile.ExternalRef, person.Profile.DisplayName,
            engine.MatchEachInEveryLanguage(person.Profile, openings, week.Monday).ConvertAll(m => new DigestRecommendation(m)));
    }
}
