namespace Reintegration.Storage.Openings;

/// <summary>
/// A position of an opening taken for a person: by which centre, when, and whether it was given back.
/// It names the person only by a one-way token (of the opening and the person), so it outlives the
/// person's erasure: who took a position stays on record.
/// </summary>
public sealed record Hire(
    string Id,
    string OpeningId,
    string CentreId,
    DateTimeOffset HiredAt,
    DateTimeOffset? ReleasedAt,
    string? ReleasedBy,
    string? ReleaseReason)
{
    public bool Released => ReleasedAt is not null;
}

/// <summary>Bound from <c>Reintegration:Hires</c>: how far a centre may take positions of openings others published.</summary>
public sealed class HireOptions
{
    public const string SectionName = "Reintegration:Hires";

    /// <summary>
    /// The share of an opening published by someone else that a centre may hold at once: of its positions, this
    /// fraction rounded up (so at least one).
    /// </summary>
    public double MaxShareOfForeignOpening { get; set; } = 0.5;

    /// <summary>How many positions of an opening of <paramref name="positions"/> published by another a centre may hold.</summary>
    public int MaxOfForeignOpening(int positions) => Math.Max(1, (int)Math.Ceiling(MaxShareOfForeignOpening * positions - 1e-9));

    /// <summary>Positions of openings published by others that a centre may take in one day (UTC).</summary>
    public int MaxForeignPerDay { get; set; } = 20;
}

/// <summary>What became of an attempt to give a position back.</summary>
public enum ReleaseOutcome
{
    Released,
    NotFound,
    AlreadyReleased,
}
