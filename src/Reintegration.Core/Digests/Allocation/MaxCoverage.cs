namespace Reintegration.Digests.Allocation;

/// <summary>
/// The attainable bound: the most people who can each be given at least one of their candidates
/// with no opening beyond its capacity. That is a maximum b-matching, found here as a maximum flow
/// (source → each person, capacity 1 → each candidate opening, capacity 1 → sink, capacity the
/// opening's cap) by Dinic's algorithm: breadth-first levels, then blocking flows along them.
/// </summary>
public static class MaxCoverage
{
    public static int Of(AllocationProblem problem) => Of(CandidateGraph.From(problem));

    internal static int Of(CandidateGraph graph)
    {
        // Nodes: people 0..P-1, openings P..P+O-1, then source and sink.
        var people = graph.People;
        var source = people + graph.Openings;
        var network = new FlowNetwork(source + 2);
        for (var p = 0; p < people; p++)
        {
            network.Add(source, p, 1);
            for (var e = graph.Start[p]; e < graph.Start[p + 1]; e++)
            {
                network.Add(p, people + graph.Target[e], 1);
            }
        }

        for (var o = 0; o < graph.Openings; o++)
        {
            network.Add(people + o, source + 1, graph.Capacity[o]);
        }

        return network.MaxFlow(source, source + 1);
    }
}
