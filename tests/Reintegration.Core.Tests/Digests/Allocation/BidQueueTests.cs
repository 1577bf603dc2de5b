using CsCheck;
using Reintegration.Digests.Allocation;

namespace Reintegration.Tests.Digests.Allocation;

/// <summary>The score rounds take bids highest score first, at equal scores the lower edge (the lower person id).</summary>
public sealed class BidQueueTests
{
    [Fact]
    public void Bids_AreTakenHighestScoreFirst_EqualScoresByLowerEdge_NaNLast_ThenNone()
    {
        var queue = new BidQueue(2);
        queue.Add(7, 0.5);
        queue.Add(3, double.NaN);
        queue.Add(9, 0.8);
        queue.Add(4, 0.5);
        queue.Add(1, 0.2);

        var taken = new List<int>();
        while (queue.TryTake(out var edge))
        {
            taken.Add(edge);
        }

        Assert.Equal([9, 4, 7, 1, 3], taken);
        Assert.False(queue.TryTake(out var none));
        Assert.Equal(-1, none);
        Assert.Equal(0, queue.Count);
    }

    /// <summary>
    /// Bids added and taken in turn, beyond the first capacity, scores often equal: each take is the best bid left, in the
    /// order of the comparer <see cref="PriorityQueue{TElement, TPriority}"/> was given before.
    /// </summary>
    [Fact]
    public void AddsAndTakesInAnyOrder_EachTakeIsTheBestLeft() =>
        Gen.Select(Gen.Int[0, 6], Gen.Bool).Array[0, 400].Sample(steps =>
        {
            var (queue, reference) = (new BidQueue(1), new PriorityQueue<int, (double Score, int Edge)>(
                Comparer<(double Score, int Edge)>.Create((x, y) => y.Score.CompareTo(x.Score) is var s and not 0 ? s : x.Edge.CompareTo(y.Edge))));
            for (var edge = 0; edge < steps.Length; edge++)
            {
                var (score, take) = steps[edge];
                var value = score == 6 ? double.NaN : score / 5.0;
                queue.Add(edge, value);
                reference.Enqueue(edge, (value, edge));
                if (take)
                {
                    Assert.True(queue.TryTake(out var taken));
                    Assert.Equal(reference.Dequeue(), taken);
                }

                Assert.Equal(reference.Count, queue.Count);
            }

            while (reference.TryDequeue(out var expected, out _))
            {
                Assert.True(queue.TryTake(out var taken));
                Assert.Equal(expected, taken);
            }

            Assert.False(queue.TryTake(out _));
        }, iter: PropertyRuns.Iter(300));
}
