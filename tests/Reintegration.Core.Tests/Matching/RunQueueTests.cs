using CsCheck;
using Reintegration.Matching.Index;

namespace Reintegration.Tests.Matching;

/// <summary>The index walks a query's runs highest bound first, and stops at the first that cannot enter the top k.</summary>
public sealed class RunQueueTests
{
    [Fact]
    public void Runs_AddedInAnyOrder_AreTakenHighestBoundFirst_ThenNone()
    {
        var queue = new RunQueue();
        queue.Add(1, 0, 5, 0.4);
        queue.Add(2, 5, 9, 0.9);
        queue.Add(3, 9, 12, 0.6);

        Assert.True(queue.TryTake(out var first, out var bound));
        Assert.Equal(((2, 5, 9), 0.9), (first, bound));
        Assert.True(queue.TryTake(out var second, out bound));
        Assert.Equal(((3, 9, 12), 0.6), (second, bound));
        Assert.True(queue.TryTake(out var third, out bound));
        Assert.Equal(((1, 0, 5), 0.4), (third, bound));
        Assert.False(queue.TryTake(out _, out bound));
        Assert.Equal(double.NegativeInfinity, bound);
    }

    [Fact]
    public void Clear_EmptiesTheQueue_ForTheNextQuery()
    {
        var queue = new RunQueue();
        queue.Add(1, 0, 1, 0.5);
        queue.Clear();
        queue.Add(2, 0, 1, 0.3);

        Assert.Equal(1, queue.Count);
        Assert.True(queue.TryTake(out var run, out _));
        Assert.Equal(2, run.Bucket);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Add_AfterATake_WithoutClear_IsRefused()
    {
        var queue = new RunQueue();
        queue.Add(1, 0, 1, 0.5);
        queue.TryTake(out _, out _);

        Assert.Throws<InvalidOperationException>(() => queue.Add(2, 0, 1, 0.9));
    }

    /// <summary>More runs than the queue first holds (a person of many fields), bounds often equal: every run comes out once, bounds never rising.</summary>
    [Fact]
    public void AnyRuns_ComeOutEachOnce_BoundsNeverRising() =>
        Gen.Int[0, 9].Array[0, 700].Sample(bounds =>
        {
            var queue = new RunQueue();
            for (var i = 0; i < bounds.Length; i++)
            {
                queue.Add(i, i, i + 1, bounds[i] / 9.0);
            }

            var taken = new List<(int Bucket, double Bound)>();
            while (queue.TryTake(out var run, out var bound))
            {
                taken.Add((run.Bucket, bound));
            }

            return taken.Select(t => t.Bucket).Order().SequenceEqual(Enumerable.Range(0, bounds.Length))
                && taken.Zip(taken.Skip(1)).All(p => p.First.Bound >= p.Second.Bound)
                && taken.All(t => t.Bound == bounds[t.Bucket] / 9.0);
        }, iter: PropertyRuns.Iter(500));
}
