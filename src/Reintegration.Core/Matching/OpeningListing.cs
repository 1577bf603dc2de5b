using Reintegration.Domain;

namespace Reintegration.Matching;

/// <summary>A stored opening as the engine sees it: its id, the opening, and how many positions are already filled.</summary>
public sealed record OpeningListing(string Id, Opening Opening, int Filled = 0)
{
    public int Unfilled => Math.Max(0, Opening.Positions - Filled);
}
