namespace Reintegration.Matching;

/// <summary>The hard rule that keeps an opening from a person, in the order the rules are applied.</summary>
public enum ExclusionReason
{
    /// <summary>A re-entry ban covers the opening's country on the day the person could start.</summary>
    ReentryBan,

    /// <summary>A refugee would be sent back to a country of citizenship or one they fled.</summary>
    NonRefoulement,

    /// <summary>Abroad, and the person will not move there.</summary>
    Relocation,

    /// <summary>Expired, or every position is filled.</summary>
    Closed,

    /// <summary>The opening does not take refugees and the person is one.</summary>
    RefugeesNotAccepted,

    /// <summary>A required licence is not held.</summary>
    Licence,
}

/// <summary>
/// How many openings of the person's field each hard rule excluded (each counted once, under the first
/// rule it breaks). One property per <see cref="ExclusionReason"/>, named and ordered as it is: the
/// API's <c>excluded</c> object.
/// </summary>
public sealed record ExclusionCounts(int ReentryBan, int NonRefoulement, int Relocation, int Closed, int RefugeesNotAccepted, int Licence)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Total => ReentryBan + NonRefoulement + Relocation + Closed + RefugeesNotAccepted + Licence;
}

/// <summary>
/// What the engine makes of one person and one opening: offered (with the match), excluded by a hard
/// rule, or outside the person's occupational field (neither); with the reason in words.
/// </summary>
public sealed record Verdict(ExclusionReason? ExcludedBy, Match? Match, string Explanation)
{
    public bool Offered => Match is not null;
}
