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
        var perOpening = unfilled.Keys.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var (all, sum, firsts, firstSum) = (0, 0.0, 0, 0.0);
        foreach (var assignment in assignments)
        {
            foreach (var (opening, score) in assignment.Openings)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(perOpening, opening, out _)++;
                (all, sum) = (all + 1, sum + score);
            }

            if (assignment.Openings.Count > 0)
            {
                (firsts, firstSum) = (firsts + 1, firstSum + assignment.Openings[0].Score);
            }
        }

        var mostPerUnfilled = 0.0;
        foreach (var (opening, count) in perOpening)
        {
            if (unfilled.GetValueOrDefault(opening) is var positions and > 0)
            {
                mostPerUnfilled = Math.Max(mostPerUnfilled, (double)count / positions);
            }
        }

        return new AllocationMetrics(
            ShareOf(firsts, assignments.Count),
            ShareOf(bound, assignments.Count),
            ShareOf(perOpening.Values.Count(n => n > 0), perOpening.Count),
            mostPerUnfilled,
            GiniOf(perOpening.Values.ToList()),
            all == 0 ? 0 : sum / all,
            firsts == 0 ? 0 : firstSum / firsts,
            all);
    }

    /// <summary>0 when every opening gets as many recommendations, near 1 when one gets them all.</summary>
    public static double GiniOf(IReadOnlyList<int> values)
    {
        if (values.Count == 0 || values.Sum() == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        double weighted = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            weighted += (i + 1) * (double)sorted[i];
        }

        var n = sorted.Length;
        return (2 * weighted / (n * (double)sorted.Sum())) - ((n + 1.0) / n);
    }

    private static double ShareOf(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
