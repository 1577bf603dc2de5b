using Reintegration.Domain;

namespace Reintegration.Storage.Placements;

/// <summary>An outcome recorded for a person and an opening.</summary>
public sealed record Placement(string Id, string CentreId, string ProfileId, string OpeningId, PlacementOutcome Outcome, DateTimeOffset RecordedAt);
