using Reintegration.Domain;

namespace Reintegration.Matching;

/// <summary>
/// A stored opening as the engine sees it: its id, the opening, how many positions are already
/// filled, and when it last changed (digests offer only what is new or changed).
/// </summary>
public sealed record OpeningListing(string Id, Opening Opening, int Filled = 0)
{
    public DateTimeOffset ChangedAt { get; init; } = DateTimeOffset.MinValue;

    public int Unfilled => Math.Max(0, Opening.Positions - Filled);
}
