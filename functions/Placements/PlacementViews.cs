using Reintegration.Domain;
using Reintegration.Storage.Placements;

namespace Reintegration.Functions.Placements;

/// <summary>POST /api/placements.</summary>
public sealed record PlacementRequest
{
    public string ProfileId { get; init => field = value ?? ""; } = "";
    public string OpeningId { get; init => field = value ?? ""; } = "";
    public PlacementOutcome? Outcome { get; init; }
}

public sealed record PlacementView(string Id, string ProfileId, string OpeningId, PlacementOutcome Outcome, DateTimeOffset RecordedAt)
{
    public static PlacementView Of(Placement p) => new(p.Id, p.ProfileId, p.OpeningId, p.Outcome, p.RecordedAt);
}
