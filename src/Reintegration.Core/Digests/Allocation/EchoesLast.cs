namespace Reintegration.Digests.Allocation;

/// <summary>
/// The fair-share rule of the weekly allocation: a profile that repeats one another centre stored before
/// it (an echo: see <see cref="Echoes"/>) is allocated only after every other person, from the capacity
/// they left. So the allocation of everyone who is not an echo is exactly what it would be if the echoes
/// did not exist: no centre can displace another's people by uploading copies of them, and the people it
/// uploads of its own are bounded by its profile quota.
/// </summary>
public static class EchoesLast
{
    public static Allocator Around(Allocator allocate, IReadOnlySet<string> echoes) => problem =>
    {
        if (echoes.Count == 0 || !problem.Wishlists.Any(w => echoes.Contains(w.PersonId)))
        {
            return allocate(problem);
        }

        var first = allocate(problem with { Wishlists = [.. problem.Wishlists.Where(w => !echoes.Contains(w.PersonId))] });
        var left = new Dictionary<string, int>(problem.Capacity, StringComparer.Ordinal);
        foreach (var candidate in first.SelectMany(a => a.Openings))
        {
            left[candidate.OpeningId]--;
        }

        var second = allocate(problem with { Wishlists = [.. problem.Wishlists.Where(w => echoes.Contains(w.PersonId))], Capacity = left });
        var byPerson = first.Concat(second).ToDictionary(a => a.PersonId, StringComparer.Ordinal);
        return [.. problem.Wishlists.Select(w => byPerson[w.PersonId])];
    };
}
