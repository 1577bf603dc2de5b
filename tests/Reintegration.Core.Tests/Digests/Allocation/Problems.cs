using CsCheck;
using Reintegration.Digests.Allocation;

namespace Reintegration.Tests.Digests.Allocation;

/// <summary>Allocation problems written out by hand, and random ones for properties.</summary>
internal static class Problems
{
    public static Wishlist Wants(string person, params (string Opening, double Score)[] candidates) =>
        new(person, candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Opening, StringComparer.Ordinal)
            .Select(c => new Candidate(c.Opening, c.Score)).ToList());

    public static AllocationProblem Of(string capacity, int perPerson, params Wishlist[] wishlists) =>
        new(wishlists, Capacity(capacity), perPerson);

    /// <summary>"x=1 y=2": each opening's capacity.</summary>
    public static Dictionary<string, int> Capacity(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>What each person got, "a:x,y b: c:z", in the problem's order.</summary>
    public static string Show(IReadOnlyList<Assignment> assignments) =>
        string.Join(" ", assignments.Select(a => $"{a.PersonId}:{string.Join(",", a.Openings.Select(c => c.OpeningId))}"));

    public static int Covered(IReadOnlyList<Assignment> assignments) => assignments.Count(a => a.Openings.Count > 0);

    /// <summary>
    /// Random problems: up to <paramref name="people"/> people over up to <paramref name="openings"/>
    /// openings, scores on a coarse grid so that ties happen, some openings with no room or missing from the capacity table (-1).
    /// </summary>
    public static Gen<AllocationProblem> Random(int people, int openings, int candidates, int perPerson) =>
        from openingCount in Gen.Int[1, openings]
        from capacities in Gen.Int[-1, 3].Array[openingCount]
        from lists in Gen.Select(Gen.Int[0, openingCount - 1], Gen.Int[0, 10]).Array[0, candidates].Array[1, people]
        from k in Gen.Int[1, perPerson]
        select new AllocationProblem(
            lists.Select((list, p) => Wants($"p{p:000}", list.DistinctBy(c => c.Item1).Select(c => ($"o{c.Item1:00}", c.Item2 / 10.0)).ToArray()))
                .ToList(),
            capacities.Select((c, o) => (Id: $"o{o:00}", Capacity: c)).Where(c => c.Capacity >= 0).ToDictionary(c => c.Id, c => c.Capacity),
            k);

    /// <summary>Per opening, how many people were given it.</summary>
    public static Dictionary<string, int> Load(IReadOnlyList<Assignment> assignments) =>
        assignments.SelectMany(a => a.Openings).GroupBy(c => c.OpeningId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
