using CsCheck;
using Reintegration.Matching;

namespace Reintegration.Tests.Matching;

/// <summary>
/// The k best of a stream: what every ranking (the index, the full scan, a digest's candidates) keeps. Higher scores
/// first; at equal scores the lower id (ordinal), so that the answer does not depend on the order openings come in.
/// </summary>
public sealed class TopKTests
{
    [Fact]
    public void Offers_InAnyOrder_KeepTheKBest_BestFirst()
    {
        var top = new TopK<string>(3);
        foreach (var (id, score) in new[] { ("a", 0.2), ("b", 0.9), ("c", 0.5), ("d", 0.7), ("e", 0.1), ("f", 0.8) })
        {
            top.Offer(id, score, id);
        }

        Assert.Equal([("b", 0.9), ("f", 0.8), ("d", 0.7)], top.ToSortedList());
        Assert.Equal(3, top.Count);
    }

    [Fact]
    public void EqualScores_TheLowerIdRanksFirst_AndDisplacesAHigherIdWhenFull()
    {
        var top = new TopK<string>(2);
        top.Offer("m", 0.5, "m");
        top.Offer("z", 0.5, "z");

        top.Offer("a", 0.5, "a");
        top.Offer("y", 0.5, "y");

        Assert.Equal([("a", 0.5), ("m", 0.5)], top.ToSortedList());
    }

    [Fact]
    public void Threshold_IsMinusInfinity_UntilKAreKept_ThenTheWorstKeptScore()
    {
        var top = new TopK<string>(2);
        top.Offer("a", 0.4, "a");
        Assert.Equal(double.NegativeInfinity, top.Threshold);

        top.Offer("b", 0.6, "b");
        Assert.Equal(0.4, top.Threshold);

        top.Offer("c", 0.9, "c");
        Assert.Equal(0.6, top.Threshold);

        top.Offer("d", 0.1, "d");
        Assert.Equal(0.6, top.Threshold);
    }

    [Fact]
    public void KZero_KeepsNothing_AndAcceptsEveryScore()
    {
        var top = new TopK<string>(0);
        top.Offer("a", 1, "a");

        Assert.Empty(top.ToSortedList());
        Assert.Equal(0, top.Count);
        Assert.Equal(double.NegativeInfinity, top.Threshold);
    }

    [Fact]
    public void NegativeK_KeepsNothing() => Assert.Empty(Filled(new TopK<string>(-1), ("a", 1)).ToSortedList());

    [Fact]
    public void ToSortedList_LeavesWhatIsKept_AsItWas()
    {
        var top = Filled(new TopK<string>(3), ("a", 0.3), ("b", 0.2), ("c", 0.1));

        var first = top.ToSortedList();
        top.Offer("d", 0.25, "d");

        Assert.Equal([("a", 0.3), ("b", 0.2), ("c", 0.1)], first);
        Assert.Equal([("a", 0.3), ("d", 0.25), ("b", 0.2)], top.ToSortedList());
    }

    /// <summary>Scores from a handful of values, so that ties are common; ids distinct, as openings' are.</summary>
    [Fact]
    public void AnyStream_KeepsWhatSortingItAllAndTakingK_Keeps() =>
        (from scores in Gen.Int[0, 6].Array[0, 40]
         from k in Gen.Int[0, 12]
         select (scores, k)).Sample((scores, k) =>
        {
            var offers = scores.Select((score, i) => ($"o{(i * 7919) % 101:D3}", score / 6.0)).DistinctBy(o => o.Item1).ToList();
            var top = Filled(new TopK<string>(k), [.. offers]);
            var expected = offers.OrderByDescending(o => o.Item2).ThenBy(o => o.Item1, StringComparer.Ordinal).Take(k).ToList();
            var threshold = k > 0 && expected.Count == k ? expected[^1].Item2 : double.NegativeInfinity;
            return top.ToSortedList().SequenceEqual(expected) && top.Threshold == threshold;
        }, iter: PropertyRuns.Iter(2000));

    private static TopK<string> Filled(TopK<string> top, params (string Id, double Score)[] offers)
    {
        foreach (var (id, score) in offers)
        {
            top.Offer(id, score, id);
        }

        return top;
    }
}
