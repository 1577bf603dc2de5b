using System.Runtime.InteropServices;

namespace Reintegration.Digests.Allocation;

/// <summary>
/// How an allocation spreads recommendations: the share of people given at least one, against the
/// most any allocation under the caps could give one (<see cref="MaxCoverage"/>); the share of
/// openings recommended at all; congestion (the most recommendations per unfilled position, and
/// the Gini coefficient of recommendations over openings); and the mean score of what is
/// recommended, and of each person's first (best) recommendation.
/// </summary>
public sealed record AllocationMetrics(
    double Coverage,
    double CoverageBound,
    double OpeningsReached,
    double MaxPerUnfilled,
    double Gini,
    double MeanScore,
    double MeanFirstScore,
    int Recommendations)
{
    /// <param name="assignments">What each person was given, best first.</param>
    /// <param name="unfilled">Every open opening that could be recommended, with its unfilled positions.</param>
    /// <param name="bound">How many people at most could be given one (<see cref="MaxCoverage"/>).</param>
    public static AllocationMetrics Measure(IReadOnlyList<Assignment> assignments, IReadOnlyDictionary<string, int> unfilled, int bound)
    {
        // Counted for the openings recommended only: every other open opening counts 0, which is known without a lookup.
        var given = new Dictionary<string, int>(StringComparer.Ordinal);
        var (all, sum, firsts, firstSum) = (0, 0.0, 0, 0.0);
        foreach (var assignment in assignments)
        {
            foreach (var (opening, score) in assignment.Openings)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(given, opening, out _)++;
                (all, sum) = (all + 1, sum + score);
            }

            if (assignment.Openings.Count > 0)
            {
                (firsts, firstSum) = (firsts + 1, firstSum + assignment.Openings[0].Score);
            }
        }

        var (mostPerUnfilled, openings) = (0.0, unfilled.Count);
        var counts = new int[given.Count];
        var at = 0;
        foreach (var (opening, count) in given)
        {
            counts[at++] = count;
            if (!unfilled.TryGetValue(opening, out var positions))
            {
                openings++;
            }
            else if (positions > 0)
            {
                mostPerUnfilled = Math.Max(mostPerUnfilled, (double)count / positions);
            }
        }

        Array.Sort(counts);
        return new AllocationMetrics(
            ShareOf(firsts, assignments.Count),
            ShareOf(bound, assignments.Count),
            ShareOf(given.Count, openings),
            mostPerUnfilled,
            GiniOfSorted(counts, openings - given.Count),
            all == 0 ? 0 : sum / all,
            firsts == 0 ? 0 : firstSum / firsts,
            all);
    }

    /// <summary>0 when every opening gets as many recommendations, near 1 when one gets them all.</summary>
    public static double GiniOf(IReadOnlyList<int> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return GiniOfSorted(sorted, zeros: 0);
    }

    /// <summary>The Gini coefficient of <paramref name="zeros"/> zeros and then <paramref name="sorted"/>, in ascending order.</summary>
    private static double GiniOfSorted(int[] sorted, int zeros)
    {
        var total = 0L;
        foreach (var value in sorted)
        {
            total += value;
        }

        var n = zeros + sorted.Length;
        if (n == 0 || total == 0)
        {
            return 0;
        }

        // The zeros add nothing to the weighted sum: only their number shifts the weights of the rest.
        double weighted = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            weighted += (zeros + i + 1) * (double)sorted[i];
        }

        return (2 * weighted / (n * (double)total)) - ((n + 1.0) / n);
    }

    private static double ShareOf(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
