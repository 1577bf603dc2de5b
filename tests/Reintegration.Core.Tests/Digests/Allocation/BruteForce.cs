using Reintegration.Digests.Allocation;

namespace Reintegration.Tests.Digests.Allocation;

/// <summary>
/// Every way of giving each person one of their candidates or nothing, tried in turn: the most
/// people coverable under the caps, and the highest total score of a covering that large. The
/// specification <see cref="MaxCoverage"/> and <see cref="CoverageFirst"/> are held to, for small problems.
/// </summary>
internal static class BruteForce
{
    public static (int Covered, double Score) Best(AllocationProblem problem)
    {
        var lists = problem.Wishlists
            .Select(w => w.Candidates.Where(c => problem.Capacity.GetValueOrDefault(c.OpeningId) > 0)
                .DistinctBy(c => c.OpeningId).ToArray())
            .ToArray();
        var load = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = (Covered: 0, Score: 0.0);
        Try(0, 0, 0);
        return best;

        void Try(int person, int covered, double score)
        {
            if (person == lists.Length)
            {
                if (covered > best.Covered || (covered == best.Covered && score > best.Score))
                {
                    best = (covered, score);
                }

                return;
            }

            Try(person + 1, covered, score);
            foreach (var candidate in lists[person])
            {
                var used = load.GetValueOrDefault(candidate.OpeningId);
                if (used < problem.Capacity[candidate.OpeningId])
                {
                    load[candidate.OpeningId] = used + 1;
                    Try(person + 1, covered + 1, score + candidate.Score);
                    load[candidate.OpeningId] = used;
                }
            }
        }
    }
}
