using Reintegration.Digests.Allocation;
using static Reintegration.Tests.Digests.Allocation.Problems;

namespace Reintegration.Tests.Digests.Allocation;

public sealed class MaxCoverageTests
{
    public static TheoryData<string, AllocationProblem, int> Cases => new()
    {
        { "nobody", Of("x=1", 1), 0 },
        { "nobody with a candidate", Of("x=1", 1, Wants("a"), Wants("b")), 0 },
        { "three want one place of cap 2", Of("x=2", 1, Wants("a", ("x", 0.9)), Wants("b", ("x", 0.8)), Wants("c", ("x", 0.7))), 2 },
        {
            "a chain of moves",
            Of("x=1 y=1 z=1", 1, Wants("a", ("x", 0.9)), Wants("b", ("x", 0.8), ("y", 0.7)), Wants("c", ("y", 0.95), ("z", 0.1))),
            3
        },
        { "no room, no cap", Of("x=0", 1, Wants("a", ("x", 0.9), ("q", 0.9))), 0 },
        { "the same opening listed twice", Of("x=1", 1, Wants("a", ("x", 0.9), ("x", 0.5)), Wants("b", ("x", 0.1))), 1 },
        {
            "two fields, one saturated",
            Of("x=1 y=1 z=5", 1,
                Wants("a", ("x", 0.9), ("y", 0.1)), Wants("b", ("x", 0.8)), Wants("c", ("y", 0.5)), Wants("d", ("y", 0.4)), Wants("e", ("z", 0.3))),
            3
        },
        {
            "a long alternating path",
            Of("u=1 v=1 w=1 x=1", 1, Wants("a", ("u", 1)), Wants("b", ("u", 1), ("v", 1)), Wants("c", ("v", 1), ("w", 1)), Wants("d", ("w", 1), ("x", 1))),
            4
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MaxCoverage_KnownProblem_ExactBound(string why, AllocationProblem problem, int expected) =>
        Assert.True(MaxCoverage.Of(problem) == expected, $"{why}: {MaxCoverage.Of(problem)}, expected {expected}");
}
