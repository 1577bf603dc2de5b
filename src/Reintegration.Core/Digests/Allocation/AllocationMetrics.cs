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
        foreach (var candidate in assignments.SelectMany(a => a.Openings))
        {
            perOpening[candidate.OpeningId] = perOpening.GetValueOrDefault(candidate.OpeningId) + 1;
        }

        var all = assignments.SelectMany(a => a.Openings).ToList();
        var firsts = assignments.Where(a => a.Openings.Count > 0).Select(a => a.Openings[0].Score).ToList();
        return new AllocationMetrics(
            ShareOf(firsts.Count, assignments.Count),
            ShareOf(bound, assignments.Count),
            ShareOf(perOpening.Values.Count(n => n > 0), perOpening.Count),
            perOpening.Where(p => unfilled.GetValueOrDefault(p.Key) > 0)
                .Select(p => (double)p.Value / unfilled[p.Key]).DefaultIfEmpty(0).Max(),
            GiniOf(perOpening.Values.ToList()),
            all.Count == 0 ? 0 : all.Average(c => c.Score),
            firsts.Count == 0 ? 0 : firsts.Average(),
            all.Count);
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
