namespace Reintegration.Digests.Allocation;

/// <summary>
/// Each person gets their own top k, whatever everyone else gets and whatever the caps: the baseline
/// congestion is measured against.
/// </summary>
public static class PlainTopK
{
    public static IReadOnlyList<Assignment> Allocate(AllocationProblem problem) =>
        problem.Wishlists.Select(w => new Assignment(w.PersonId, w.Candidates.Take(Math.Max(0, problem.PerPerson)).ToList())).ToList();
}
