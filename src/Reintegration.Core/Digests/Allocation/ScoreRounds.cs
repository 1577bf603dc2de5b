namespace Reintegration.Digests.Allocation;

/// <summary>
/// Fills recommendation slots by score, in rounds, so that nobody gets an (r + 1)-th before
/// everyone who could has an r-th. In round r, each person holding r bids with their best
/// candidate not yet theirs that still has room; the highest bid wins its place (ties by person,
/// then opening, in the graph's id order), and whoever finds their candidate filled meanwhile bids
/// again with their next.
/// </summary>
internal static class ScoreRounds
{
    /// <param name="graph">The problem.</param>
    /// <param name="chosen">Per person, the edges already theirs (filled in place); their places are taken.</param>
    /// <param name="perPerson">How many each person may hold in the end.</param>
    public static void Fill(CandidateGraph graph, List<int>[] chosen, int perPerson)
    {
        var left = (int[])graph.Capacity.Clone();
        foreach (var edges in chosen)
        {
            foreach (var edge in edges)
            {
                left[graph.Target[edge]]--;
            }
        }

        var next = graph.Start[..graph.People];
        var bids = new BidQueue(graph.People);
        for (var round = 0; round < perPerson; round++)
        {
            for (var person = 0; person < graph.People; person++)
            {
                if (chosen[person].Count == round)
                {
                    Bid(person);
                }
            }

            while (bids.TryTake(out var edge))
            {
                var opening = graph.Target[edge];
                if (left[opening] > 0)
                {
                    left[opening]--;
                    chosen[graph.Owner[edge]].Add(edge);
                }
                else
                {
                    Bid(graph.Owner[edge]);
                }
            }
        }

        void Bid(int person)
        {
            var end = graph.Start[person + 1];
            for (var edge = next[person]; edge < end; edge++)
            {
                if (left[graph.Target[edge]] > 0 && !chosen[person].Contains(edge))
                {
                    next[person] = edge + 1;
                    bids.Add(edge, graph.Score[edge]);
                    return;
                }
            }

            next[person] = end;
        }
    }
}
