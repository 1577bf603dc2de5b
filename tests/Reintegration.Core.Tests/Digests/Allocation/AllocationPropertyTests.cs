using CsCheck;
using Reintegration.Digests.Allocation;
using static Reintegration.Tests.Digests.Allocation.Problems;

namespace Reintegration.Tests.Digests.Allocation;

/// <summary>
/// Properties over random problems. CsCheck reports the seed of a failing case in the failure
/// message; passing it as <c>seed:</c> to <c>Sample</c> (or setting CsCheck_Seed) replays exactly that case.
/// </summary>
public sealed class AllocationPropertyTests
{
    /// <summary>Small enough to try every covering by brute force.</summary>
    private static readonly Gen<AllocationProblem> Small = Random(people: 6, openings: 4, candidates: 3, perPerson: 3);

    private static readonly Gen<AllocationProblem> Medium = Random(people: 80, openings: 20, candidates: 6, perPerson: 5);

    [Fact]
    public void MaxCoverage_SmallProblems_EqualsBruteForce() =>
        Small.Sample(problem => MaxCoverage.Of(problem) == BruteForce.Best(problem).Covered, iter: PropertyRuns.Iter(600));

    [Fact]
    public void CoverageFirst_SmallProblems_CoversTheBruteForceBound_WithItsHighestTotalOfFirsts() =>
        Small.Sample(problem =>
        {
            var (covered, score) = BruteForce.Best(problem);
            var graph = CandidateGraph.From(problem);
            var first = CoveringMatching.Of(graph).Where(e => e >= 0).ToList();
            Assert.Equal(covered, first.Count);
            Assert.Equal(score, first.Sum(e => graph.Score[e]), 6);
            Assert.Equal(covered, Covered(CoverageFirst.Allocate(problem)));
        }, iter: PropertyRuns.Iter(600));

    [Fact]
    public void CoverageFirst_ReachesTheBound_AndNeverCoversFewerThanGreedy() =>
        Medium.Sample(problem =>
        {
            var covered = Covered(CoverageFirst.Allocate(problem));
            Assert.Equal(MaxCoverage.Of(problem), covered);
            Assert.True(covered >= Covered(GreedyRounds.Allocate(problem)));
        }, iter: PropertyRuns.Iter(300));

    [Fact]
    public void Allocations_NeverExceedACap_NorGiveMoreThanAsked_NorAnythingNotWished() =>
        Medium.Sample(problem =>
        {
            foreach (var allocate in new Allocator[] { CoverageFirst.Allocate, GreedyRounds.Allocate })
            {
                var assignments = allocate(problem);
                Assert.All(Load(assignments), l => Assert.True(l.Value <= problem.Capacity.GetValueOrDefault(l.Key), l.Key));
                Assert.Equal(problem.Wishlists.Select(w => w.PersonId), assignments.Select(a => a.PersonId));
                foreach (var (wishlist, assignment) in problem.Wishlists.Zip(assignments))
                {
                    Assert.True(assignment.Openings.Count <= problem.PerPerson);
                    Assert.Equal(assignment.Openings.Count, assignment.Openings.Select(c => c.OpeningId).Distinct().Count());
                    Assert.All(assignment.Openings, c => Assert.Contains(c, wishlist.Candidates));
                    var scores = assignment.Openings.Select(c => c.Score).ToList();
                    Assert.Equal(scores.OrderDescending(), scores);
                }
            }
        }, iter: PropertyRuns.Iter(300));

    [Fact]
    public void Allocations_SameProblemInAnyOrder_SameAssignments() =>
        Gen.Select(Medium, Gen.Int).Sample((problem, seed) =>
        {
            var random = new Random(seed);
            var shuffled = problem with { Wishlists = problem.Wishlists.OrderBy(_ => random.Next()).ToList() };
            foreach (var allocate in new Allocator[] { CoverageFirst.Allocate, GreedyRounds.Allocate })
            {
                var once = allocate(problem).ToDictionary(a => a.PersonId);
                var again = allocate(problem).ToDictionary(a => a.PersonId);
                var reordered = allocate(shuffled).ToDictionary(a => a.PersonId);
                Assert.All(once, a => Assert.Equal(a.Value.Openings, again[a.Key].Openings));
                Assert.All(once, a => Assert.Equal(a.Value.Openings, reordered[a.Key].Openings));
            }
        }, iter: PropertyRuns.Iter(200));

    [Fact]
    public void CandidateGraph_WishlistsShuffledAndRepeatingWorseScores_SameGraphAsBestFirstAndDistinct() =>
        Gen.Select(Medium, Gen.Int).Sample((problem, seed) =>
        {
            var random = new Random(seed);
            // Each wishlist out of order, some candidates listed again with a lower score: the graph keeps the best of each, best first.
            var messy = problem with
            {
                Wishlists = problem.Wishlists.Select(w => w with
                {
                    Candidates = w.Candidates.Concat(w.Candidates.Where(_ => random.Next(3) == 0).Select(c => c with { Score = c.Score - 0.05 }))
                        .OrderBy(_ => random.Next()).ToList(),
                }).ToList(),
            };
            var (tidy, graph) = (CandidateGraph.From(problem), CandidateGraph.From(messy));
            Assert.Equal(tidy.PersonIds, graph.PersonIds);
            Assert.Equal(tidy.OpeningIds, graph.OpeningIds);
            Assert.Equal(tidy.Capacity, graph.Capacity);
            Assert.Equal(tidy.Start, graph.Start);
            Assert.Equal(tidy.Target, graph.Target);
            Assert.Equal(tidy.Score, graph.Score);
            Assert.Equal(tidy.Owner, graph.Owner);
        }, iter: PropertyRuns.Iter(200));

    [Fact]
    public void CandidateGraph_OpeningsNumberedInIdOrder_EdgesBestFirstTiesByLowerId_OnlyOpeningsWithRoom()
    {
        var graph = CandidateGraph.From(Of("b=1 c=2 d=0 a=1", 2,
            new Wishlist("q", [new Candidate("c", 0.5), new Candidate("e", 0.9), new Candidate("b", 0.5), new Candidate("a", 0.7)]),
            new Wishlist("p", [new Candidate("d", 0.9), new Candidate("c", 0.8), new Candidate("c", 0.6)])));

        Assert.Equal(["p", "q"], graph.PersonIds);
        Assert.Equal(["a", "b", "c"], graph.OpeningIds);
        Assert.Equal([1, 1, 2], graph.Capacity);
        Assert.Equal([0, 1, 4], graph.Start);
        Assert.Equal([2, 0, 1, 2], graph.Target);
        Assert.Equal([0.8, 0.7, 0.5, 0.5], graph.Score);
        Assert.Equal([0, 1, 1, 1], graph.Owner);
    }
}
