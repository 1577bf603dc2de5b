using Reintegration.Digests;

namespace Reintegration.Tests.Digests;

/// <summary>A digest run's per-person work is spread over the cores, and its results come back in the people's order.</summary>
public sealed class OrderedParallelTests
{
    [Fact]
    public void Select_ItemsOfUnequalCost_ResultsInTheItemsOrder()
    {
        var items = Enumerable.Range(0, 5_000).ToList();

        var results = OrderedParallel.Select(items, i =>
        {
            var spin = i < 100 ? 20_000 : 10;
            Thread.SpinWait(spin);
            return i * 2;
        });

        Assert.Equal(items.Select(i => i * 2), results);
    }

    [Fact]
    public void Select_Nothing_IsEmpty() => Assert.Empty(OrderedParallel.Select(Array.Empty<string>(), s => s.Length));

    [Fact]
    public void Select_AFailingItem_FailsTheWhole()
    {
        var failure = Assert.Throws<AggregateException>(() => OrderedParallel.Select([1, 2, 0, 4], i => 8 / i));

        Assert.IsType<DivideByZeroException>(Assert.Single(failure.InnerExceptions));
    }
}
