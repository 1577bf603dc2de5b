using Azure;
using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Storage.Openings;

/// <summary>An opening as stored: who published it, how many positions are filled, whether it is closed.</summary>
public sealed record StoredOpening(string Id, string PublisherId, Opening Opening, int Filled, bool Closed, DateTimeOffset UpdatedAt, ETag ETag)
{
    public int Unfilled => Math.Max(0, Opening.Positions - Filled);

    public OpeningListing ToListing() => new(Id, Opening, Filled) { ChangedAt = UpdatedAt };
}
