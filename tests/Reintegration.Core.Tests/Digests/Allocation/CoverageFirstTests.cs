using Reintegration.Digests.Allocation;
using static Reintegration.Tests.Digests.Allocation.Problems;

namespace Reintegration.Tests.Digests.Allocation;

/// <summary>Small problems whose allocation is known exactly, each against the greedy rounds it replaces.</summary>
public sealed class CoverageFirstTests
{
    public static TheoryData<string, AllocationProblem, string, string> Cases => new()
    {
        {
            "a scarce opening goes to whoever has no other choice",
            Of("x=1 y=1", 2, Wants("a", ("x", 0.9), ("y", 0.8)), Wants("b", ("x", 0.7))),
            "a:y b:x",
            "a:x,y b:"
        },
        {
            "among full coverings, the highest total score",
            Of("x=1 y=1", 1, Wants("a", ("x", 0.9), ("y", 0.5)), Wants("b", ("x", 0.85), ("y", 0.1))),
            "a:y b:x",
            "a:x b:y"
        },
        {
            "a chain of moves covers everyone",
            Of("x=1 y=1 z=1", 1, Wants("a", ("x", 0.9)), Wants("b", ("x", 0.8), ("y", 0.7)), Wants("c", ("y", 0.95), ("z", 0.1))),
            "a:x b:y c:z",
            "a:x b: c:y"
        },
        {
            "one place, two people: the higher score has it",
            Of("x=1", 1, Wants("a", ("x", 0.5)), Wants("b", ("x", 0.9))),
            "a: b:x",
            "a: b:x"
        },
        {
            "one place, two equal scores: the first id keeps it",
            Of("x=1", 1, Wants("a", ("x", 0.5)), Wants("b", ("x", 0.5))),
            "a:x b:",
            "a:x b:"
        },
        {
            "the one left out is whoever costs the total least",
            Of("x=1 y=1", 1, Wants("a", ("x", 0.6), ("y", 0.5)), Wants("b", ("y", 0.4)), Wants("c", ("x", 0.9))),
            "a:y b: c:x",
            "a:y b: c:x"
        },
        {
            "after the first, slots fill by score in rounds",
            Of("x=2 y=1 z=1", 3, Wants("a", ("x", 0.9), ("y", 0.8), ("z", 0.7)), Wants("b", ("x", 0.6), ("y", 0.5))),
            "a:x,y,z b:x",
            "a:x,y,z b:x"
        },
        {
            "an opening with no room or no cap is never given; a repeated candidate counts once",
            Of("x=2 n=0", 2, Wants("a", ("x", 0.9), ("x", 0.3), ("q", 0.8), ("n", 0.95))),
            "a:x",
            "a:x"
        },
        {
            "equal bids for a last place: the lower person id has it, though it bid again after a fuller opening",
            Of("pa=1 pb=1 pc=1 x=1 y=1", 2,
                Wants("a", ("pa", 1.0), ("x", 0.9), ("y", 0.5)), Wants("b", ("pb", 1.0), ("y", 0.5)), Wants("c", ("pc", 1.0), ("x", 0.95))),
            "a:pa,y b:pb c:pc,x",
            "a:pa,y b:pb c:pc,x"
        },
        {
            "no slots, nothing given",
            Of("x=1", 0, Wants("a", ("x", 0.9))),
            "a:",
            "a:"
        },
        {
            "the answer keeps the order of the wishlists",
            Of("x=1 y=1", 1, Wants("b", ("x", 0.7)), Wants("a", ("x", 0.9), ("y", 0.8))),
            "b:x a:y",
            "b: a:x"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CoverageFirst_KnownProblem_ExactAllocation(string why, AllocationProblem problem, string expected, string _)
    {
        var actual = Show(CoverageFirst.Allocate(problem));
        Assert.True(actual == expected, $"{why}: {actual}, expected {expected}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GreedyRounds_KnownProblem_ExactAllocation(string why, AllocationProblem problem, string _, string expected)
    {
        var actual = Show(GreedyRounds.Allocate(problem));
        Assert.True(actual == expected, $"{why}: {actual}, expected {expected}");
    }

    [Fact]
    public void CoverageFirst_GivesEachPersonTheirOpeningsBestFirst_WithScores()
    {
        var assignment = CoverageFirst.Allocate(Of("x=1 y=1 z=1", 3, Wants("a", ("z", 0.2), ("x", 0.9), ("y", 0.5)))).Single();

        Assert.Equal([new Candidate("x", 0.9), new Candidate("y", 0.5), new Candidate("z", 0.2)], assignment.Openings);
    }

    [Fact]
    public void CoverageFirst_TwoWishlistsForOnePerson_RefusedNamingThePerson()
    {
        var refused = Assert.Throws<ArgumentException>(() => CoverageFirst.Allocate(Of("x=1", 1, Wants("a", ("x", 0.9)), Wants("a", ("x", 0.8)))));

        Assert.StartsWith("Person 'a' has two wishlists.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_EqualScores_TheLowerOpeningIdFirst_InWhateverOrderTheWishlistListsThem()
    {
        // Problems.Wants sorts candidates; a wishlist as a caller may give it need not be.
        var problem = new AllocationProblem([new Wishlist("a", [new Candidate("y", 0.5), new Candidate("x", 0.5)])], Capacity("x=1 y=1"), 1);

        Assert.Equal("a:x", Show(CoverageFirst.Allocate(problem)));
        Assert.Equal("a:x", Show(GreedyRounds.Allocate(problem)));
    }

    [Fact]
    public void CoverageFirst_ManyWantOneHotOpening_CapHoldsAndTheRestGetTheirNextBest()
    {
        var wishlists = Enumerable.Range(0, 10).Select(i => Wants($"p{i}", ("hot", 0.9 - (i * 0.01)), ("cool", 0.5))).ToArray();

        var assignments = CoverageFirst.Allocate(Of("hot=3 cool=100", 1, wishlists));

        Assert.Equal(["p0", "p1", "p2"], assignments.Where(a => a.Openings.Single().OpeningId == "hot").Select(a => a.PersonId));
        Assert.Equal(7, assignments.Count(a => a.Openings.Single().OpeningId == "cool"));
    }

    [Theory]
    [InlineData(1, 3.0, 3)]
    [InlineData(2, 3.0, 6)]
    [InlineData(1, 1.5, 2)]
    [InlineData(3, 0.5, 2)]
    [InlineData(0, 3.0, 0)]
    [InlineData(-1, 3.0, 0)]
    public void CongestionCap_IsCeilingOfMultiplierTimesUnfilled(int unfilled, double multiplier, int expected) =>
        Assert.Equal(expected, CongestionCap.Of(unfilled, multiplier));

    [Fact]
    public void CongestionCap_ForEveryOpening() =>
        Assert.Equal(new Dictionary<string, int> { ["x"] = 3, ["y"] = 6, ["z"] = 0 },
            CongestionCap.For(new Dictionary<string, int> { ["x"] = 1, ["y"] = 2, ["z"] = 0 }, 3));

    [Fact]
    public void PlainTopK_IgnoresCapacity_TakesEachOwnTopK()
    {
        var wishlists = Enumerable.Range(0, 10).Select(i => Wants($"p{i}", ("hot", 0.9), ("cool", 0.5), ("cold", 0.1))).ToArray();

        var assignments = PlainTopK.Allocate(Of("hot=1", 2, wishlists));

        Assert.All(assignments, a => Assert.Equal(["hot", "cool"], a.Openings.Select(c => c.OpeningId)));
        Assert.All(PlainTopK.Allocate(Of("hot=1", 0, wishlists)), a => Assert.Empty(a.Openings));
    }
}
