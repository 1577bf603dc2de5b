namespace Reintegration.Matching;

/// <summary>
/// The k best of a stream by score, ties broken by opening id (ordinal, lower first): a bounded heap
/// whose root is the worst kept, so each offer costs O(log k) and memory stays O(k).
/// </summary>
internal sealed class TopK<T>(int k, Func<T, string> idOf)
{
    private readonly PriorityQueue<T, (double Score, string Id)> _heap = new(k + 1, WorstFirst.Instance);

    public int Count => _heap.Count;

    /// <summary>The score an offer must beat to be kept, once k are kept; -∞ before.</summary>
    public double Threshold => _heap.Count < k ? double.NegativeInfinity : WorstScore();

    /// <summary>Keeps the item if it is among the k best so far; with k = 0 the heap stays empty and nothing is kept.</summary>
    public void Offer(T item, double score)
    {
        var key = (score, idOf(item));
        if (_heap.Count < k)
        {
            _heap.Enqueue(item, key);
        }
        else if (_heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0)
        {
            _heap.DequeueEnqueue(item, key);
        }
    }

    /// <summary>Best first.</summary>
    public List<(T Item, double Score)> ToSortedList()
    {
        var items = new (T Element, (double Score, string Id) Priority)[_heap.Count];
        var i = 0;
        foreach (var item in _heap.UnorderedItems)
        {
            items[i++] = item;
        }

        Array.Sort(items, static (a, b) => WorstFirst.Instance.Compare(b.Priority, a.Priority));
        var sorted = new List<(T Item, double Score)>(items.Length);
        foreach (var (element, priority) in items)
        {
            sorted.Add((element, priority.Score));
        }

        return sorted;
    }

    private double WorstScore() => _heap.TryPeek(out _, out var worst) ? worst.Score : double.NegativeInfinity;

    /// <summary>Orders lower scores first and, at equal scores, higher ids first: the root is what goes first.</summary>
    private sealed class WorstFirst : IComparer<(double Score, string Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, string Id) x, (double Score, string Id) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}
