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
        var people = new string[wishlists.Length];
        var (listed, longest) = (0, 0);
        for (var p = 0; p < wishlists.Length; p++)
        {
            people[p] = wishlists[p].PersonId;
            listed += wishlists[p].Candidates.Count;
            longest = Math.Max(longest, wishlists[p].Candidates.Count);
        }

        Array.Sort(people, wishlists, StringComparer.Ordinal);
        for (var p = 1; p < people.Length; p++)
        {
            if (people[p] == people[p - 1])
            {
                throw new ArgumentException($"Person '{people[p]}' has two wishlists.", nameof(problem));
            }
        }

        // A week's run lists a million candidates: each id is looked up once, numbered in the order first met
        // (-1 without room), and the numbers put in id order afterwards.
        var (openings, numbers) = NumberOpenings(wishlists, problem.Capacity, listed);
        var (start, target, score, owner) = (new int[people.Length + 1], new int[listed], new double[listed], new int[listed]);
        var listedBy = new int[openings.Length];
        Array.Fill(listedBy, -1);
        var mine = new (int Opening, double Score)[longest];
        var (edges, at) = (0, 0);
        for (var p = 0; p < people.Length; p++)
        {
            start[p] = edges;
            var (candidates, count) = (wishlists[p].Candidates, 0);
            for (var c = 0; c < candidates.Count; c++, at++)
            {
                if (numbers[at] >= 0)
                {
                    mine[count++] = (numbers[at], candidates[c].Score);
                }
            }

            var span = mine.AsSpan(0, count);
            if (!IsBestFirst(span))
            {
                span.Sort(default(BestFirst));
            }

            // A person who listed an opening twice keeps its better score.
            foreach (var (opening, scored) in span)
            {
                if (listedBy[opening] != p)
                {
                    listedBy[opening] = p;
                    (target[edges], score[edges], owner[edges]) = (opening, scored, p);
                    edges++;
                }
            }
        }

        start[people.Length] = edges;
        Array.Resize(ref target, edges);
        Array.Resize(ref score, edges);
        Array.Resize(ref owner, edges);
        var capacity = Array.ConvertAll(openings, id => problem.Capacity[id]);
        return new CandidateGraph(people, openings, capacity, start, target, score, owner);
    }

    /// <summary>
    /// The openings with room that anyone lists, in ordinal order of their ids, and for each listed candidate
    /// (wishlist by wishlist, in order) its opening's number, or -1 when the opening has no room.
    /// </summary>
    private static (string[] Openings, int[] Numbers) NumberOpenings(Wishlist[] wishlists, IReadOnlyDictionary<string, int> capacity, int listed)
    {
        var met = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var numbers = new int[listed];
        var at = 0;
        foreach (var wishlist in wishlists)
        {
            var candidates = wishlist.Candidates;
            for (var c = 0; c < candidates.Count; c++)
            {
                var id = candidates[c].OpeningId;
                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(met, id, out var known);
                if (!known)
                {
                    number = capacity.GetValueOrDefault(id) > 0 ? ids.Count : -1;
                    if (number >= 0)
                    {
                        ids.Add(id);
                    }
                }

                numbers[at++] = number;
            }
        }

        var openings = ids.ToArray();
        var metAs = new int[openings.Length];
        for (var o = 0; o < metAs.Length; o++)
        {
            metAs[o] = o;
        }

        Array.Sort(openings, metAs, StringComparer.Ordinal);
        var inIdOrder = new int[openings.Length];
        for (var o = 0; o < openings.Length; o++)
        {
            inIdOrder[metAs[o]] = o;
        }

        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i] >= 0)
            {
                numbers[i] = inIdOrder[numbers[i]];
            }
        }

        return (openings, numbers);
    }

    /// <summary>Whether the edges are in <see cref="BestFirst"/>'s order already, as the index ranks them.</summary>
    private static bool IsBestFirst(ReadOnlySpan<(int Opening, double Score)> edges)
    {
        for (var e = 1; e < edges.Length; e++)
        {
            if (default(BestFirst).Compare(edges[e - 1], edges[e]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Higher score first, then the lower opening number (the lower id).</summary>
    private readonly struct BestFirst : IComparer<(int Opening, double Score)>
    {
        public int Compare((int Opening, double Score) x, (int Opening, double Score) y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.Opening.CompareTo(y.Opening);
        }
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
