namespace Reintegration.Matching;

/// <summary>What to match for: how many, where, as of which day, and in which language to explain.</summary>
public sealed record MatchQuery
{
    public const int MaxTop = 100;

    public int Top { get; init; } = 10;

    /// <summary>Only openings in this country (ISO alpha-2), when set.</summary>
    public string? Country { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>"en" or "ru".</summary>
    public string Language { get; init; } = "en";

    /// <summary>Whether to write the reasons of each match (the score components are always there).</summary>
    public bool Explain { get; init; } = true;
}
