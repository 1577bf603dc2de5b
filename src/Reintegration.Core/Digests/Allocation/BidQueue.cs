namespace Reintegration.Digests.Allocation;

/// <summary>
/// The bids of <see cref="ScoreRounds"/>, highest score first, at equal scores the lower edge (so the lower person
/// id): a binary heap whose comparisons are written out rather than given as a comparer, which code compiled without
/// a profile cannot inline. A week's rounds take a hundred thousand bids and more.
/// </summary>
internal sealed class BidQueue(int capacity)
{
    private Bid[] _heap = new Bid[Math.Max(capacity, 4)];
    private int _count;

    public int Count => _count;

    public void Add(int edge, double score)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _count * 2);
        }

        var at = _count++;
        var bid = new Bid(edge, score);
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Before(bid, _heap[parent]))
            {
                break;
            }

            _heap[at] = _heap[parent];
            at = parent;
        }

        _heap[at] = bid;
    }

    /// <summary>The edge of the best bid left, if any.</summary>
    public bool TryTake(out int edge)
    {
        if (_count == 0)
        {
            edge = -1;
            return false;
        }

        edge = _heap[0].Edge;
        var last = _heap[--_count];
        var at = 0;
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], last))
            {
                break;
            }

            _heap[at] = _heap[child];
            at = child;
        }

        _heap[at] = last;
        return true;
    }

    /// <summary>Whether <paramref name="x"/> is taken before <paramref name="y"/>: by <see cref="double.CompareTo(double)"/>, so NaN last.</summary>
    private static bool Before(in Bid x, in Bid y)
    {
        var byScore = x.Score.CompareTo(y.Score);
        return byScore > 0 || (byScore == 0 && x.Edge < y.Edge);
    }

    private readonly record struct Bid(int Edge, double Score);
}
