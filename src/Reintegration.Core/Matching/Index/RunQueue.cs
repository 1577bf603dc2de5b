namespace Reintegration.Matching.Index;

/// <summary>
/// The runs of one query, to be walked highest bound first: added in any order, made a binary max-heap in one pass at the
/// first take, then taken from the top. Its comparisons are written out rather than given as a comparer (code compiled without a profile
/// cannot inline one), and one queue per thread is reused: a digest asks tens of thousands of queries, each of hundreds
/// of runs. Runs of equal bounds come out in no particular order; the walk's answer does not depend on it.
/// </summary>
internal sealed class RunQueue
{
    private Entry[] _heap = new Entry[256];
    private int _count;
    private bool _ordered;

    public int Count => _count;

    /// <summary>Empties the queue for the next query.</summary>
    public void Clear() => (_count, _ordered) = (0, false);

    /// <summary>Adds a run; all of a query's runs are added before the first is taken.</summary>
    public void Add(int bucket, int from, int to, double bound)
    {
        if (_ordered)
        {
            throw new InvalidOperationException("A run was added after the first was taken: Clear the queue first.");
        }

        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _count * 2);
        }

        _heap[_count++] = new Entry(bucket, from, to, bound);
    }

    /// <summary>The run of the highest bound left, if any.</summary>
    public bool TryTake(out (int Bucket, int From, int To) run, out double bound)
    {
        if (!_ordered)
        {
            for (var at = _count / 2 - 1; at >= 0; at--)
            {
                SiftDown(at);
            }

            _ordered = true;
        }

        if (_count == 0)
        {
            (run, bound) = (default, double.NegativeInfinity);
            return false;
        }

        var top = _heap[0];
        (run, bound) = ((top.Bucket, top.From, top.To), top.Bound);
        _heap[0] = _heap[--_count];
        SiftDown(0);
        return true;
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            var (left, highest) = (2 * at + 1, at);
            if (left < _count && _heap[left].Bound > _heap[highest].Bound)
            {
                highest = left;
            }

            if (left + 1 < _count && _heap[left + 1].Bound > _heap[highest].Bound)
            {
                highest = left + 1;
            }

            if (highest == at)
            {
                return;
            }

            (_heap[at], _heap[highest]) = (_heap[highest], _heap[at]);
            at = highest;
        }
    }

    private readonly record struct Entry(int Bucket, int From, int To, double Bound);
}
