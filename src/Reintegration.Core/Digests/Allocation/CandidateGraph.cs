namespace Reintegration.Digests.Allocation;

/// <summary>
/// An <see cref="AllocationProblem"/> as numbers, the form every allocation works on: people in
/// ordinal order of their ids, openings likewise (only those someone may be given, with room), and
/// each person's candidate edges best first (ties by opening id). Numbering by id rather than by
/// input order is what makes every allocation independent of the order it was given things in.
/// </summary>
internal sealed class CandidateGraph
{
    private CandidateGraph(string[] people, string[] openings, int[] capacity, int[] start, int[] target, double[] score, int[] owner)
    {
        PersonIds = people;
        OpeningIds = openings;
        Capacity = capacity;
        Start = start;
        Target = target;
        Score = score;
        Owner = owner;
    }

    public string[] PersonIds { get; }

    public string[] OpeningIds { get; }

    /// <summary>Per opening: how many people it may be given to (at least 1).</summary>
    public int[] Capacity { get; }

    /// <summary>Person p's edges are <c>Start[p]</c> up to, not including, <c>Start[p + 1]</c>.</summary>
    public int[] Start { get; }

    /// <summary>Per edge: the opening.</summary>
    public int[] Target { get; }

    /// <summary>Per edge: the score.</summary>
    public double[] Score { get; }

    /// <summary>Per edge: the person.</summary>
    public int[] Owner { get; }

    public int People => PersonIds.Length;

    public int Openings => OpeningIds.Length;

    public int Edges => Target.Length;

    public static CandidateGraph From(AllocationProblem problem)
    {
        var people = problem.Wishlists.Select(w => w.PersonId).Order(StringComparer.Ordinal).ToArray();
        for (var p = 1; p < people.Length; p++)
        {
            if (people[p] == people[p - 1])
            {
                throw new ArgumentException($"Person '{people[p]}' has two wishlists.", nameof(problem));
            }
        }

        var openings = problem.Wishlists.SelectMany(w => w.Candidates).Select(c => c.OpeningId)
            .Where(id => problem.Capacity.GetValueOrDefault(id) > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var openingIndex = new Dictionary<string, int>(openings.Length, StringComparer.Ordinal);
        for (var o = 0; o < openings.Length; o++)
        {
            openingIndex[openings[o]] = o;
        }

        var byPerson = problem.Wishlists.ToDictionary(w => w.PersonId, StringComparer.Ordinal);
        var start = new int[people.Length + 1];
        var edges = new List<(int Opening, double Score, int Person)>();
        var seen = new HashSet<int>();
        for (var p = 0; p < people.Length; p++)
        {
            start[p] = edges.Count;
            seen.Clear();
            var mine = byPerson[people[p]].Candidates
                .Where(c => openingIndex.ContainsKey(c.OpeningId))
                .Select(c => (Opening: openingIndex[c.OpeningId], c.Score))
                .OrderByDescending(c => c.Score).ThenBy(c => c.Opening);
            foreach (var (opening, score) in mine)
            {
                // A person listed an opening twice: the better score stands.
                if (seen.Add(opening))
                {
                    edges.Add((opening, score, p));
                }
            }
        }

        start[people.Length] = edges.Count;
        return new CandidateGraph(
            people,
            openings,
            openings.Select(id => problem.Capacity[id]).ToArray(),
            start,
            edges.Select(e => e.Opening).ToArray(),
            edges.Select(e => e.Score).ToArray(),
            edges.Select(e => e.Person).ToArray());
    }

    /// <summary>What each person was given (edge indices), as assignments in the order of the problem's wishlists, best first.</summary>
    public IReadOnlyList<Assignment> ToAssignments(AllocationProblem problem, IReadOnlyList<List<int>> chosen)
    {
        var byId = new Dictionary<string, Assignment>(People, StringComparer.Ordinal);
        for (var p = 0; p < People; p++)
        {
            var edges = chosen[p];
            edges.Sort();
            byId[PersonIds[p]] = new Assignment(PersonIds[p], edges.Select(e => new Candidate(OpeningIds[Target[e]], Score[e])).ToList());
        }

        return problem.Wishlists.Select(w => byId[w.PersonId]).ToList();
    }
}
