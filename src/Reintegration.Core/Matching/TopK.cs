using System.Runtime.InteropServices;

namespace Reintegration.Matching;

/// <summary>
/// The k best of a stream by score, ties broken by opening id (ordinal, lower first): a bounded binary heap whose root is
/// the worst kept, so each offer costs O(log k) and memory stays O(k). Its comparisons are written out rather than given as
/// a comparer or a delegate: a digest offers millions of openings, and code compiled without a profile (tiered PGO is off,
/// functions/Tiering.props) cannot inline an interface or delegate call.
/// </summary>
internal sealed class TopK<T>(int k)
{
    private readonly Entry[] _heap = new Entry[Math.Max(k, 0)];
    private int _count;

    public int Count => _count;

    /// <summary>The score an offer must beat to be kept, once k are kept; -∞ before (and always when k is 0).</summary>
    public double Threshold => _count > 0 && _count == _heap.Length ? _heap[0].Score : double.NegativeInfinity;

    /// <summary>Keeps the item if it is among the k best so far; with k = 0 nothing is kept.</summary>
    public void Offer(T item, double score, string id)
    {
        if (_count < _heap.Length)
        {
            _heap[_count] = new Entry(item, score, id);
            SiftUp(_heap, _count++);
        }
        else if (_count > 0 && Better(score, id, _heap[0]))
        {
            _heap[0] = new Entry(item, score, id);
            SiftDown(_heap, 0, _count);
        }
    }

    /// <summary>Best first.</summary>
    public List<(T Item, double Score)> ToSortedList()
    {
        // Taken worst first from a copy of the heap, and placed from the end.
        var heap = _heap[.._count];
        var sorted = new List<(T Item, double Score)>(_count);
        CollectionsMarshal.SetCount(sorted, _count);
        var span = CollectionsMarshal.AsSpan(sorted);
        for (var end = _count - 1; end >= 0; end--)
        {
            span[end] = (heap[0].Item, heap[0].Score);
            heap[0] = heap[end];
            SiftDown(heap, 0, end);
        }

        return sorted;
    }

    /// <summary>Whether (score, id) ranks above the entry: a higher score, or an equal one and a lower id.</summary>
    private static bool Better(double score, string id, in Entry entry)
    {
        var byScore = score.CompareTo(entry.Score);
        return byScore > 0 || (byScore == 0 && string.CompareOrdinal(id, entry.Id) < 0);
    }

    private static void SiftUp(Entry[] heap, int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Better(heap[parent].Score, heap[parent].Id, heap[at]))
            {
                return;
            }

            (heap[at], heap[parent]) = (heap[parent], heap[at]);
            at = parent;
        }
    }

    /// <summary>Restores the heap below <paramref name="at"/> among its first <paramref name="count"/> entries: each parent no better than its children.</summary>
    private static void SiftDown(Entry[] heap, int at, int count)
    {
        while (true)
        {
            var (left, worst) = (2 * at + 1, at);
            if (left < count && Better(heap[worst].Score, heap[worst].Id, heap[left]))
            {
                worst = left;
            }

            if (left + 1 < count && Better(heap[worst].Score, heap[worst].Id, heap[left + 1]))
            {
                worst = left + 1;
            }

            if (worst == at)
            {
                return;
            }

            (heap[at], heap[worst]) = (heap[worst], heap[at]);
            at = worst;
        }
    }

    private readonly record struct Entry(T Item, double Score, string Id);
}
