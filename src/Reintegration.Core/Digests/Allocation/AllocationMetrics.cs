namespace Reintegration.Digests.Allocation;

/// <summary>
/// How an allocation spreads recommendations: coverage of people and of openings, congestion (the
/// most recommendations per unfilled position, and the Gini coefficient of recommendations over
/// openings), and the mean score of what is recommended.
/// </summary>
public sealed record AllocationMetrics(
    double ProfileCoverage,
    double OpeningCoverage,
    double MaxPerPosition,
    double Gini,
    double MeanScore,
    int Recommendations)
{
    /// <param name="assignments">What each person was given.</param>
    /// <param name="unfilled">Every open opening that could be recommended, with its unfilled positions.</param>
    public static AllocationMetrics Measure(IReadOnlyList<Assignment> assignments, IReadOnlyDictionary<string, int> unfilled)
    {
        var perOpening = unfilled.Keys.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var candidate in assignments.SelectMany(a => a.Openings))
        {
            perOpening[candidate.OpeningId] = perOpening.GetValueOrDefault(candidate.OpeningId) + 1;
        }

        var all = assignments.SelectMany(a => a.Openings).ToList();
        return new AllocationMetrics(
            assignments.Count == 0 ? 0 : (double)assignments.Count(a => a.Openings.Count > 0) / assignments.Count,
            perOpening.Count == 0 ? 0 : (double)perOpening.Values.Count(n => n > 0) / perOpening.Count,
            perOpening.Where(p => unfilled.GetValueOrDefault(p.Key) > 0).Select(p => (double)p.Value / unfilled[p.Key]).DefaultIfEmpty(0).Max(),
            GiniOf(perOpening.Values.ToList()),
            all.Count == 0 ? 0 : all.Average(c => c.Score),
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
}
