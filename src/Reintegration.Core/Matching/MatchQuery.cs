namespace Reintegration.Matching;

/// <summary>What to match for: how many, where, as of which day, and in which language to explain.</summary>
public sealed record MatchQuery
{
    public const int MaxTop = 100;

    public int Top { get; init; } = 10;

    /// <summary>Only openings in this country (ISO alpha-2), when set.</summary>
    public string? Country { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>The language to explain in: one of <see cref="Localisation.Words.Codes"/> (English for any other).</summary>
    public string Language { get; init; } = Localisation.Words.English.Code;

    /// <summary>Whether to write the reasons of each match (the score components are always there).</summary>
    public bool Explain { get; init; } = true;

    /// <summary>
    /// Eligible openings the caller does not want ranked (a digest leaves out what it offered before),
    /// skipped before the top k is taken; they are not exclusions and are not counted as such.
    /// </summary>
    public Func<OpeningListing, bool>? Skip { get; init; }
}
