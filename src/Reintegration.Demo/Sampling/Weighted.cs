using Bogus;

namespace Reintegration.Demo.Sampling;

/// <summary>Draws items in proportion to their weights, in O(log n) per draw.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> items, string what)
    {
        var all = items.ToList();
        var list = all.Where(x => x.Weight > 0).ToList();
        if (list.Count == 0 || all.Exists(x => x.Weight < 0 || !double.IsFinite(x.Weight)))
        {
            throw new InvalidDataException($"demo.json: {what} needs at least one positive weight and no negative one.");
        }

        _items = list.Select(x => x.Item).ToArray();
        _cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            _cumulative[i] = total;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Next(Randomizer random)
    {
        var x = random.Double() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        // BinarySearch gives the complement of the first greater element when x is not found exactly;
        // an exact hit belongs to the next item, since each item owns [previous, own).
        i = i < 0 ? ~i : i + 1;
        return _items[Math.Min(i, _items.Length - 1)];
    }
}

internal static class Weighted
{
    /// <summary>Weights keyed by text, taken in ordinal key order so that JSON property order does not matter.</summary>
    public static Weighted<string> Of(IReadOnlyDictionary<string, double> weights, string what) =>
        new(weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (w.Key, w.Value)), what);
}
