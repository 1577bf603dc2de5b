using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary>The problem's graph, built once per problem however many allocations and bounds are computed on it.</summary>
    public static CandidateGraph From(AllocationProblem problem) => Built.GetValue(problem, Build);

    private static readonly ConditionalWeakTable<AllocationProblem, CandidateGraph> Built = new();

    private static CandidateGraph Build(AllocationProblem problem)
    {
        var wishlists = problem.Wishlists.ToArray();
        var people = wishlists.Select(w => w.PersonId).ToArray();
        Array.Sort(people, wishlists, StringComparer.Ordinal);
        for (var p = 1; p < people.Length; p++)
        {
            if (people[p] == people[p - 1])
            {
                throw new ArgumentException($"Person '{people[p]}' has two wishlists.", nameof(problem));
            }
        }

        var openingIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var wishlist in wishlists)
        {
            foreach (var (opening, _) in wishlist.Candidates)
            {
                if (!openingIndex.ContainsKey(opening) && problem.Capacity.GetValueOrDefault(opening) > 0)
                {
                    openingIndex.Add(opening, 0);
                }
            }
        }

        var openings = openingIndex.Keys.ToArray();
        Array.Sort(openings, StringComparer.Ordinal);
        for (var o = 0; o < openings.Length; o++)
        {
            openingIndex[openings[o]] = o;
        }

        var start = new int[people.Length + 1];
        var edges = new List<(int Opening, double Score)>();
        var listedBy = new int[openings.Length];
        Array.Fill(listedBy, -1);
        var owners = new List<int>();
        for (var p = 0; p < people.Length; p++)
        {
            start[p] = edges.Count;
            foreach (var candidate in wishlists[p].Candidates)
            {
                if (openingIndex.TryGetValue(candidate.OpeningId, out var opening))
                {
                    edges.Add((opening, candidate.Score));
                }
            }

            var mine = CollectionsMarshal.AsSpan(edges)[start[p]..];
            mine.Sort(BestFirst);
            // A person who listed an opening twice keeps its better score.
            var kept = 0;
            for (var e = 0; e < mine.Length; e++)
            {
                if (listedBy[mine[e].Opening] != p)
                {
                    listedBy[mine[e].Opening] = p;
                    mine[kept++] = mine[e];
                }
            }

            edges.RemoveRange(start[p] + kept, mine.Length - kept);
            owners.AddRange(Enumerable.Repeat(p, kept));
        }

        start[people.Length] = edges.Count;
        var (target, score) = (new int[edges.Count], new double[edges.Count]);
        for (var e = 0; e < edges.Count; e++)
        {
            (target[e], score[e]) = edges[e];
        }

        var capacity = Array.ConvertAll(openings, id => problem.Capacity[id]);
        return new CandidateGraph(people, openings, capacity, start, target, score, [.. owners]);
    }

    /// <summary>Higher score first, then the lower opening number (the lower id).</summary>
    private static int BestFirst((int Opening, double Score) x, (int Opening, double Score) y)
    {
        var byScore = y.Score.CompareTo(x.Score);
        return byScore != 0 ? byScore : x.Opening.CompareTo(y.Opening);
    }

    /// <summary>What each person was given (edge indices), as assignments in the order of the problem's wishlists, best first.</summary>
    public IReadOnlyList<Assignment> ToAssignments(AllocationProblem problem, IReadOnlyList<List<int>> chosen)
    {
        var byId = new Dictionary<string, Assignment>(People, StringComparer.Ordinal);
        for (var p = 0; p < People; p++)
        {
            var edges = chosen[p];
            edges.Sort();
            var openings = new List<Candidate>(edges.Count);
            foreach (var e in edges)
            {
                openings.Add(new Candidate(OpeningIds[Target[e]], Score[e]));
            }

            byId[PersonIds[p]] = new Assignment(PersonIds[p], openings);
        }

        return problem.Wishlists.Select(w => byId[w.PersonId]).ToList();
    }
}
