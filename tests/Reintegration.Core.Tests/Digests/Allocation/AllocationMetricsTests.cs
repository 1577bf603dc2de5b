using Reintegration.Digests.Allocation;

namespace Reintegration.Tests.Digests.Allocation;

public sealed class AllocationMetricsTests
{
    [Fact]
    public void Metrics_CoverageBoundCongestionGiniAndScores()
    {
        var assignments = new[]
        {
            new Assignment("a", [new Candidate("x", 0.8), new Candidate("y", 0.6)]),
            new Assignment("b", [new Candidate("x", 0.4)]),
            new Assignment("c", []),
        };

        var metrics = AllocationMetrics.Measure(assignments, new Dictionary<string, int> { ["x"] = 1, ["y"] = 2, ["z"] = 1 }, bound: 3);

        Assert.Equal(2.0 / 3, metrics.Coverage, 9);
        Assert.Equal(1.0, metrics.CoverageBound, 9);
        Assert.Equal(2.0 / 3, metrics.OpeningsReached, 9);
        Assert.Equal(2.0, metrics.MaxPerUnfilled, 9);
        Assert.Equal(0.6, metrics.MeanScore, 9);
        Assert.Equal(0.6, metrics.MeanFirstScore, 9);
        Assert.Equal(3, metrics.Recommendations);
        Assert.Equal(4.0 / 9, metrics.Gini, 9);
    }

    [Fact]
    public void Metrics_MostPerUnfilled_IsRecommendationsOverPositions()
    {
        var assignments = new[] { new Assignment("a", [new Candidate("x", 0.8)]), new Assignment("b", [new Candidate("x", 0.7)]) };

        var metrics = AllocationMetrics.Measure(assignments, new Dictionary<string, int> { ["x"] = 4 }, bound: 2);

        Assert.Equal(0.5, metrics.MaxPerUnfilled, 9);
    }

    [Fact]
    public void Metrics_NobodyAndNothing_AllZero()
    {
        var metrics = AllocationMetrics.Measure([], new Dictionary<string, int>(), bound: 0);

        Assert.Equal(new AllocationMetrics(0, 0, 0, 0, 0, 0, 0, 0), metrics);
    }

    [Fact]
    public void Gini_EqualIsZero_AllOnOneIsNearOne()
    {
        Assert.Equal(0, AllocationMetrics.GiniOf([2, 2, 2, 2]), 9);
        Assert.Equal(0.75, AllocationMetrics.GiniOf([0, 0, 0, 8]), 9);
        Assert.Equal(0, AllocationMetrics.GiniOf([]), 9);
        Assert.Equal(0, AllocationMetrics.GiniOf([0, 0]), 9);
    }

    [Fact]
    public void Metrics_OpeningRecommendedButNotUnfilled_CountsAmongTheOpenings_NotInTheCongestion()
    {
        var assignments = new[] { new Assignment("a", [new Candidate("x", 0.8), new Candidate("w", 0.6)]) };

        var metrics = AllocationMetrics.Measure(assignments, new Dictionary<string, int> { ["x"] = 2, ["y"] = 1 }, bound: 1);

        Assert.Equal(2.0 / 3, metrics.OpeningsReached, 9);
        Assert.Equal(0.5, metrics.MaxPerUnfilled, 9);
        Assert.Equal(AllocationMetrics.GiniOf([0, 1, 1]), metrics.Gini);
    }

    [Fact]
    public void Metrics_OpeningWithNoPositionLeft_AddsNothingToTheCongestion()
    {
        var assignments = new[] { new Assignment("a", [new Candidate("x", 0.8)]), new Assignment("b", [new Candidate("y", 0.7)]) };

        var metrics = AllocationMetrics.Measure(assignments, new Dictionary<string, int> { ["x"] = 0, ["y"] = 4 }, bound: 2);

        Assert.Equal(0.25, metrics.MaxPerUnfilled, 9);
        Assert.Equal(1.0, metrics.OpeningsReached, 9);
    }

    [Fact]
    public void Metrics_Gini_IsExactlyTheGiniOfEveryOpeningsCount_TheUnrecommendedAsZeros()
    {
        var unfilled = new Dictionary<string, int> { ["a"] = 1, ["b"] = 1, ["c"] = 1, ["d"] = 1, ["e"] = 1 };
        var assignments = new[]
        {
            new Assignment("p", [new Candidate("a", 0.9), new Candidate("c", 0.8), new Candidate("e", 0.7)]),
            new Assignment("q", [new Candidate("a", 0.9), new Candidate("e", 0.5)]),
            new Assignment("r", [new Candidate("a", 0.4)]),
        };

        var metrics = AllocationMetrics.Measure(assignments, unfilled, bound: 3);

        Assert.Equal(AllocationMetrics.GiniOf([3, 0, 1, 0, 2]), metrics.Gini);
        Assert.Equal(8.0 / 15, metrics.Gini, 9);
    }

    [Fact]
    public void Gini_OfUnorderedValues_AsOfTheSameValuesInOrder()
    {
        Assert.Equal(AllocationMetrics.GiniOf([0, 1, 2, 5]), AllocationMetrics.GiniOf([5, 0, 2, 1]));
        Assert.Equal(0.5, AllocationMetrics.GiniOf([5, 0, 2, 1]), 9);
    }
}
