using Reintegration.Domain;

namespace Reintegration.Matching;

/// <summary>Each scored component of a match, in [0, 1].</summary>
public sealed record MatchComponents(double Occupation, double Skills, double Language, double Experience, double Location, double Wage, double Pathway);

/// <summary>
/// An opening a person may legally and realistically take, scored and explained. <see cref="ObtainVerifiedOn"/>
/// is the day the advice in <see cref="Obtain"/> was last checked against its sources (null when no one
/// checked it: a citizenship the mobility table does not hold, or a digest stored before the date was kept).
/// </summary>
public sealed record Match(
    string OpeningId,
    string Title,
    string Isco,
    string Country,
    string City,
    double Score,
    Pathway Pathway,
    MatchComponents Components,
    string Obtain,
    DateOnly? ObtainVerifiedOn,
    IReadOnlyList<string> Reasons);

/// <summary>The best matches, highest score first (ties by opening id), and what the hard rules excluded.</summary>
public sealed record MatchResult(IReadOnlyList<Match> Matches, ExclusionCounts Excluded);

/// <summary>An opening's place in a ranking: its id and score, without the explanation of a <see cref="Match"/>.</summary>
public readonly record struct RankedOpening(string OpeningId, double Score);
