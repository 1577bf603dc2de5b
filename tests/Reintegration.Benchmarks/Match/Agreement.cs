using Reintegration.Matching;

namespace Reintegration.Benchmarks.Match;

/// <summary>Whether the index answered a query as the full scan did: the same exclusion counts, and the same openings with the same scores in the same order.</summary>
internal static class Agreement
{
    /// <summary>How the two results differ, or null when they agree.</summary>
    public static string? Difference(MatchResult index, MatchResult fullScan)
    {
        if (index.Excluded != fullScan.Excluded)
        {
            return $"excluded counts differ: index {index.Excluded}, full scan {fullScan.Excluded}";
        }

        var shared = Math.Min(index.Matches.Count, fullScan.Matches.Count);
        for (var i = 0; i < shared; i++)
        {
            var (a, b) = (index.Matches[i], fullScan.Matches[i]);
            if (a.OpeningId != b.OpeningId || !a.Score.Equals(b.Score))
            {
                return FormattableString.Invariant(
                    $"match #{i + 1} differs: index {a.OpeningId} scored {a.Score:R}, full scan {b.OpeningId} scored {b.Score:R}");
            }
        }

        return index.Matches.Count != fullScan.Matches.Count
            ? FormattableString.Invariant($"index found {index.Matches.Count} matches, full scan {fullScan.Matches.Count}")
            : null;
    }
}
