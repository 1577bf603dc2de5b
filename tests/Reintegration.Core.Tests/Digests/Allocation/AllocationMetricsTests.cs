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
}
