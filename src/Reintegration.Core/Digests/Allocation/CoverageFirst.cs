namespace Reintegration.Digests.Allocation;

/// <summary>
/// The digest's allocation. Coverage first: as many people as any allocation under the caps could
/// reach get a first recommendation (<see cref="CoveringMatching"/>: the bound of
/// <see cref="MaxCoverage"/>, met exactly), chosen among all such allocations for the highest total
/// score; then the remaining slots are filled by score, in rounds (<see cref="ScoreRounds"/>), up
/// to the problem's number per person. No opening exceeds its capacity, and the result depends on
/// the problem alone, never on the order of its wishlists.
/// </summary>
public static class CoverageFirst
{
    public static IReadOnlyList<Assignment> Allocate(AllocationProblem problem)
    {
        var graph = CandidateGraph.From(problem);
        var chosen = new List<int>[graph.People];
        for (var person = 0; person < chosen.Length; person++)
        {
            chosen[person] = [];
        }

        if (problem.PerPerson > 0)
        {
            var first = CoveringMatching.Of(graph);
            for (var person = 0; person < graph.People; person++)
            {
                if (first[person] >= 0)
                {
                    chosen[person].Add(first[person]);
                }
            }

            ScoreRounds.Fill(graph, chosen, problem.PerPerson);
        }

        return graph.ToAssignments(problem, chosen);
    }
}
