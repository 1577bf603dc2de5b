using Azure;
using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Storage.Openings;

/// <summary>
/// An opening as stored: who published it, how many positions are filled, whether it is closed, when
/// it was last written, and when its content last changed (a re-publish of the same content or a hire
/// does not count: digests offer what is new or changed).
/// </summary>
public sealed record StoredOpening(string Id, string PublisherId, Opening Opening, int Filled, bool Closed, DateTimeOffset UpdatedAt, ETag ETag)
{
    public DateTimeOffset ChangedAt { get; init; } = UpdatedAt;

    public int Unfilled => Math.Max(0, Opening.Positions - Filled);

    public OpeningListing ToListing() => new(Id, Opening, Filled) { ChangedAt = ChangedAt };
}
