namespace Reintegration.Digests.Allocation;

/// <summary>
/// Everyone's first recommendation: a maximum b-matching (as many people covered as the caps allow,
/// <see cref="MaxCoverage"/>) whose total score is the highest of all maximum ones — a min-cost
/// maximum flow with cost 1 − score, exact for scores compared to 1e-9.
/// <para>
/// People are added one at a time, in id order, as in the Jonker–Volgenant assignment algorithm:
/// a shortest augmenting path (Dijkstra over costs made non-negative by node potentials) gives the
/// newcomer a place, moving others along to equally good or next-best places as needed. Where no
/// path reaches an opening with room, nobody more can be covered; the newcomer then takes the place
/// of someone reachable only if that raises the total score (a shortest path to them, negative in
/// real costs), and whoever is left out stays out. After each step the matching is a min-cost
/// maximum one over the people added so far, so it is at the end. Ties are broken by the numbering
/// of <see cref="CandidateGraph"/>, so the result depends on the problem alone.
/// </para>
/// </summary>
internal sealed class CoveringMatching
{
    /// <summary>Scores are compared in these units (1e-9), as whole numbers, so potentials add up exactly.</summary>
    private const double Scale = 1e9;

    private readonly CandidateGraph _graph;
    private readonly int _rows;
    private readonly long[] _cost;
    private readonly long[] _potential;
    private readonly long[] _distance;
    private readonly int[] _reachedIn;
    private readonly int[] _settledIn;
    private readonly int[] _via;
    private readonly int[] _held;
    private readonly int[] _used;
    private readonly List<int>[] _holders;
    private readonly List<int> _settled = [];
    private readonly PriorityQueue<int, long> _frontier = new();
    private int _search;

    private CoveringMatching(CandidateGraph graph)
    {
        _graph = graph;
        _rows = graph.People;
        var nodes = graph.People + graph.Openings;
        var best = graph.Edges == 0 ? 0 : graph.Score.Max();
        _cost = Array.ConvertAll(graph.Score, s => (long)Math.Round((best - s) * Scale));
        _potential = new long[nodes];
        _distance = new long[nodes];
        _reachedIn = new int[nodes];
        _settledIn = new int[nodes];
        _via = new int[graph.Openings];
        _held = new int[graph.People];
        Array.Fill(_held, -1);
        _used = new int[graph.Openings];
        _holders = new List<int>[graph.Openings];
        for (var o = 0; o < _holders.Length; o++)
        {
            _holders[o] = [];
        }
    }

    /// <summary>Per person (in the graph's numbering): the edge of their first recommendation, or -1 if they cannot have one.</summary>
    public static int[] Of(CandidateGraph graph)
    {
        var matching = new CoveringMatching(graph);
        for (var person = 0; person < graph.People; person++)
        {
            matching.Add(person);
        }

        return matching._held;
    }

    private void Add(int person)
    {
        var (room, reach) = Search(person);
        if (room >= 0)
        {
            Reprice(reach);
            _used[room]++;
            Shift(room, person);
            return;
        }

        var displaced = Displaceable(person);
        Reprice(_settled.Max(v => _distance[v]));
        if (displaced >= 0)
        {
            var seat = _graph.Target[_held[displaced]];
            _holders[seat].Remove(displaced);
            _held[displaced] = -1;
            Shift(seat, person);
        }
    }

    /// <summary>
    /// Dijkstra from the person over the residual graph in reduced costs: to an opening by an edge
    /// they do not hold, back from an opening to each person who holds it. Stops at the nearest
    /// opening with room (its room and distance), or, when none is reachable, having settled all
    /// that is (-1 and the largest distance).
    /// </summary>
    private (int Room, long Distance) Search(int person)
    {
        _search++;
        _settled.Clear();
        _frontier.Clear();
        Reach(person, 0);
        var (room, roomDistance) = (-1, long.MaxValue);
        while (_frontier.TryDequeue(out var node, out var distance))
        {
            if (distance >= roomDistance)
            {
                break;
            }

            if (_settledIn[node] == _search || distance != _distance[node])
            {
                continue;
            }

            _settledIn[node] = _search;
            _settled.Add(node);
            if (node < _rows)
            {
                for (var e = _graph.Start[node]; e < _graph.Start[node + 1]; e++)
                {
                    var opening = _rows + _graph.Target[e];
                    if (e != _held[node] && Reach(opening, distance + _cost[e] + _potential[node] - _potential[opening]))
                    {
                        _via[_graph.Target[e]] = e;
                    }
                }

                continue;
            }

            var o = node - _rows;
            // The arc from an opening with room to the sink costs nothing; its reduced cost is the opening's potential.
            if (_used[o] < _graph.Capacity[o] && distance + _potential[node] < roomDistance)
            {
                (room, roomDistance) = (o, distance + _potential[node]);
            }

            foreach (var holder in _holders[o])
            {
                Reach(holder, distance - _cost[_held[holder]] + _potential[node] - _potential[holder]);
            }
        }

        return (room, roomDistance);
    }

    private bool Reach(int node, long distance)
    {
        if (_reachedIn[node] == _search && _distance[node] <= distance)
        {
            return false;
        }

        _reachedIn[node] = _search;
        _distance[node] = distance;
        _frontier.Enqueue(node, distance);
        return true;
    }

    /// <summary>
    /// After a search that found no room: the holder whose place the person should take, the one
    /// at the shortest real distance (the path's costs in, minus its costs out) if that is below 0,
    /// so the total score rises; or -1 to leave the person out.
    /// </summary>
    private int Displaceable(int person)
    {
        var (best, gain) = (-1, 0L);
        foreach (var node in _settled)
        {
            if (node < _rows && node != person)
            {
                var real = _distance[node] - _potential[person] + _potential[node];
                if (real < gain || (real == gain && node < best))
                {
                    (best, gain) = (node, real);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Keeps every reduced cost non-negative, and those along the settled shortest paths zero:
    /// settled nodes move by their distance, less the cut-off.
    /// </summary>
    private void Reprice(long cutoff)
    {
        foreach (var node in _settled)
        {
            _potential[node] += _distance[node] - cutoff;
        }
    }

    /// <summary>
    /// Moves everyone along the search path that ends at <paramref name="opening"/>: each takes the
    /// opening the path reached them by, the person added a place in the first.
    /// </summary>
    private void Shift(int opening, int person)
    {
        while (true)
        {
            var edge = _via[opening];
            var mover = _graph.Owner[edge];
            var left = _held[mover];
            if (left >= 0)
            {
                _holders[_graph.Target[left]].Remove(mover);
            }

            _held[mover] = edge;
            _holders[opening].Add(mover);
            if (mover == person)
            {
                return;
            }

            opening = _graph.Target[left];
        }
    }
}
