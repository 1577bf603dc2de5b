namespace Reintegration.Digests.Allocation;

/// <summary>
/// Congestion-aware by score alone, the digest's allocation before coverage came first: every slot,
/// the first included, filled in rounds by the highest bids (<see cref="ScoreRounds"/>). Kept as
/// the baseline the coverage-first allocation is measured against: where places are scarce, the
/// strongest bids can take the only places of people who had no other.
/// </summary>
public static class GreedyRounds
{
    public static IReadOnlyList<Assignment> Allocate(AllocationProblem problem)
    {
        var graph = CandidateGraph.From(problem);
        var chosen = Enumerable.Range(0, graph.People).Select(_ => new List<int>()).ToArray();
        ScoreRounds.Fill(graph, chosen, problem.PerPerson);
        return graph.ToAssignments(problem, chosen);
    }
}
