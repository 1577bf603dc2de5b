namespace Reintegration.Digests.Allocation;

/// <summary>
/// A directed network with integer capacities, and Dinic's maximum flow over it: breadth-first
/// levels from the source, then a blocking flow along strictly increasing levels, until the sink
/// is out of reach. Each arc has a residual twin; arcs are grouped by tail when the flow starts.
/// </summary>
internal sealed class FlowNetwork(int nodes)
{
    private readonly List<(int From, int To, int Capacity)> _arcs = [];

    public void Add(int from, int to, int capacity) => _arcs.Add((from, to, capacity));

    public int MaxFlow(int source, int sink) => new Residual(nodes, _arcs).MaxFlow(source, sink);

    private sealed class Residual
    {
        private readonly int[] _first;
        private readonly int[] _tail;
        private readonly int[] _head;
        private readonly int[] _twin;
        private readonly int[] _left;
        private readonly int[] _level;
        private readonly int[] _cursor;

        public Residual(int nodes, List<(int From, int To, int Capacity)> arcs)
        {
            _first = new int[nodes + 1];
            foreach (var (from, to, _) in arcs)
            {
                _first[from + 1]++;
                _first[to + 1]++;
            }

            for (var v = 0; v < nodes; v++)
            {
                _first[v + 1] += _first[v];
            }

            var fill = _first[..nodes];
            var twice = arcs.Count * 2;
            (_tail, _head, _twin, _left) = (new int[twice], new int[twice], new int[twice], new int[twice]);
            foreach (var (from, to, capacity) in arcs)
            {
                var (forward, backward) = (fill[from]++, fill[to]++);
                (_tail[forward], _head[forward], _twin[forward], _left[forward]) = (from, to, backward, capacity);
                (_tail[backward], _head[backward], _twin[backward], _left[backward]) = (to, from, forward, 0);
            }

            _level = new int[nodes];
            _cursor = new int[nodes];
        }

        public int MaxFlow(int source, int sink)
        {
            var flow = 0;
            var path = new List<int>();
            while (Levels(source, sink))
            {
                Array.Copy(_first, _cursor, _cursor.Length);
                int pushed;
                while ((pushed = Augment(source, sink, path)) > 0)
                {
                    flow += pushed;
                }
            }

            return flow;
        }

        private bool Levels(int source, int sink)
        {
            Array.Fill(_level, -1);
            var queue = new Queue<int>();
            _level[source] = 0;
            queue.Enqueue(source);
            while (queue.TryDequeue(out var v))
            {
                for (var a = _first[v]; a < _first[v + 1]; a++)
                {
                    if (_left[a] > 0 && _level[_head[a]] < 0)
                    {
                        _level[_head[a]] = _level[v] + 1;
                        queue.Enqueue(_head[a]);
                    }
                }
            }

            return _level[sink] >= 0;
        }

        /// <summary>A path from source to sink along increasing levels, depth first, no recursion: the flow pushed (0: blocked).</summary>
        private int Augment(int source, int sink, List<int> path)
        {
            path.Clear();
            var v = source;
            while (v != sink)
            {
                while (_cursor[v] < _first[v + 1] && (_left[_cursor[v]] == 0 || _level[_head[_cursor[v]]] != _level[v] + 1))
                {
                    _cursor[v]++;
                }

                if (_cursor[v] < _first[v + 1])
                {
                    path.Add(_cursor[v]);
                    v = _head[_cursor[v]];
                }
                else if (v == source)
                {
                    return 0;
                }
                else
                {
                    // No way on from v in this phase: retreat, and let its parent try its next arc.
                    _level[v] = -1;
                    v = _tail[path[^1]];
                    path.RemoveAt(path.Count - 1);
                    _cursor[v]++;
                }
            }

            var pushed = int.MaxValue;
            foreach (var a in path)
            {
                pushed = Math.Min(pushed, _left[a]);
            }

            foreach (var a in path)
            {
                _left[a] -= pushed;
                _left[_twin[a]] += pushed;
            }

            return pushed;
        }
    }
}
