using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Functions.Matches;

/// <summary>The answer of both match routes (and the content of a digest entry).</summary>
public sealed record MatchResponse(string? ProfileId, DateTimeOffset GeneratedAt, IReadOnlyList<MatchView> Matches, ExclusionCounts Excluded);

/// <summary>
/// A match as the API shows it: scores rounded to three decimals; <c>obtainVerifiedOn</c> says how fresh <c>obtain</c> is.
/// </summary>
public sealed record MatchView(
    string OpeningId, string Title, string Isco, string Country, string City, double Score, Pathway Pathway,
    MatchComponents Components, string Obtain, DateOnly? ObtainVerifiedOn, IReadOnlyList<string> Reasons)
{
    public static MatchView Of(Match m)
    {
        var c = m.Components;
        return new MatchView(m.OpeningId, m.Title, m.Isco, m.Country, m.City, Round(m.Score), m.Pathway,
            new MatchComponents(Round(c.Occupation), Round(c.Skills), Round(c.Language), Round(c.Experience), Round(c.Location), Round(c.Wage), Round(c.Pathway)),
            m.Obtain, m.ObtainVerifiedOn, m.Reasons);
    }

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}

/// <summary>Whether one person would be offered one opening, and why (or why not).</summary>
public sealed record VerdictView(string ProfileId, string OpeningId, bool Offered, ExclusionReason? ExcludedBy, string Explanation, MatchView? Match);
