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
}
