using Reintegration.Digests.Allocation;

namespace Reintegration.Tests.Digests;

public sealed class AllocationTests
{
    private static Wishlist Wants(string person, params (string Opening, double Score)[] candidates) =>
        new(person, candidates.Select(c => new Candidate(c.Opening, c.Score)).ToList());

    [Fact]
    public void CongestionAware_NoOpeningBeyondItsCap_TheRestGetTheirNextBest()
    {
        var wishlists = Enumerable.Range(0, 10).Select(i => Wants($"p{i}", ("hot", 0.9 - i * 0.01), ("cool", 0.5))).ToList();

        var assignments = CongestionAware.Allocate(wishlists, new Dictionary<string, int> { ["hot"] = 3, ["cool"] = 100 }, k: 1);

        Assert.Equal(3, assignments.Count(a => a.Openings.Single().OpeningId == "hot"));
        Assert.Equal(7, assignments.Count(a => a.Openings.Single().OpeningId == "cool"));
        Assert.Equal(["p0", "p1", "p2"], assignments.Where(a => a.Openings[0].OpeningId == "hot").Select(a => a.PersonId));
    }

    [Fact]
    public void CongestionAware_EveryoneGetsAFirstBeforeAnyoneASecond()
    {
        var wishlists = new[]
        {
            Wants("a", ("x", 0.9), ("y", 0.8)),
            Wants("b", ("y", 0.7), ("x", 0.6)),
        };

        var assignments = CongestionAware.Allocate(wishlists, new Dictionary<string, int> { ["x"] = 1, ["y"] = 1 }, k: 2);

        Assert.Equal(["x"], assignments[0].Openings.Select(c => c.OpeningId));
        Assert.Equal(["y"], assignments[1].Openings.Select(c => c.OpeningId));
    }

    [Fact]
    public void CongestionAware_SameWishlistsInAnotherOrder_SameAssignments()
    {
        var random = new Random(7);
        var wishlists = Enumerable.Range(0, 200).Select(i => Wants($"p{i:000}",
            Enumerable.Range(0, 8).Select(_ => ($"o{random.Next(30):00}", Math.Round(random.NextDouble(), 2))).DistinctBy(c => c.Item1).OrderByDescending(c => c.Item2).ToArray())).ToList();
        var capacity = Enumerable.Range(0, 30).ToDictionary(i => $"o{i:00}", i => 1 + i % 4);

        var forward = CongestionAware.Allocate(wishlists, capacity, 5).ToDictionary(a => a.PersonId, a => string.Join(",", a.Openings.Select(c => c.OpeningId)));
        var shuffled = CongestionAware.Allocate(wishlists.OrderBy(_ => random.Next()).ToList(), capacity, 5).ToDictionary(a => a.PersonId, a => string.Join(",", a.Openings.Select(c => c.OpeningId)));

        Assert.Equal(forward, shuffled);
        var perOpening = forward.Values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)).GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(perOpening, p => Assert.True(p.Value <= capacity[p.Key], $"{p.Key}: {p.Value} > {capacity[p.Key]}"));
    }

    [Theory]
    [InlineData(1, 3.0, 3)]
    [InlineData(2, 3.0, 6)]
    [InlineData(1, 1.5, 2)]
    [InlineData(0, 3.0, 0)]
    public void Capacity_IsCeilingOfMultiplierTimesUnfilled(int unfilled, double multiplier, int expected) =>
        Assert.Equal(expected, CongestionAware.Capacity(unfilled, multiplier));

    [Fact]
    public void PlainTopK_IgnoresCapacity()
    {
        var wishlists = Enumerable.Range(0, 10).Select(i => Wants($"p{i}", ("hot", 0.9), ("cool", 0.5))).ToList();

        Assert.All(PlainTopK.Allocate(wishlists, 1), a => Assert.Equal("hot", a.Openings.Single().OpeningId));
    }

    [Fact]
    public void Metrics_CoverageCongestionGiniAndMeanScore()
    {
        var assignments = new[]
        {
            new Assignment("a", [new Candidate("x", 0.8), new Candidate("y", 0.6)]),
            new Assignment("b", [new Candidate("x", 0.4)]),
            new Assignment("c", []),
        };

        var metrics = AllocationMetrics.Measure(assignments, new Dictionary<string, int> { ["x"] = 1, ["y"] = 2, ["z"] = 1 });

        Assert.Equal(2.0 / 3, metrics.ProfileCoverage, 6);
        Assert.Equal(2.0 / 3, metrics.OpeningCoverage, 6);
        Assert.Equal(2.0, metrics.MaxPerPosition, 6);
        Assert.Equal(0.6, metrics.MeanScore, 6);
        Assert.Equal(3, metrics.Recommendations);
        Assert.Equal(4.0 / 9, metrics.Gini, 9);
    }

    [Fact]
    public void Gini_EqualIsZero_AllOnOneIsNearOne()
    {
        Assert.Equal(0, AllocationMetrics.GiniOf([2, 2, 2, 2]), 9);
        Assert.Equal(0.75, AllocationMetrics.GiniOf([0, 0, 0, 8]), 9);
    }
}
