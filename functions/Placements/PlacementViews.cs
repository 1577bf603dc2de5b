using Reintegration.Domain;
using Reintegration.Storage.Placements;
using Reintegration.Validation;

namespace Reintegration.Functions.Placements;

/// <summary>POST /api/placements.</summary>
public sealed record PlacementRequest
{
    public string ProfileId { get; init => field = value ?? ""; } = "";
    public string OpeningId { get; init => field = value ?? ""; } = "";
    public PlacementOutcome? Outcome { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (ProfileId.Length == 0)
        {
            errors.Add("profileId", "Required.");
        }

        if (OpeningId.Length == 0)
        {
            errors.Add("openingId", "Required.");
        }

        if (Outcome is null)
        {
            errors.Add("outcome", "Required: applied, interviewed, hired or rejected.");
        }

        return errors;
    }
}

public sealed record PlacementView(string Id, string ProfileId, string OpeningId, PlacementOutcome Outcome, DateTimeOffset RecordedAt)
{
    public static PlacementView Of(Placement p) => new(p.Id, p.ProfileId, p.OpeningId, p.Outcome, p.RecordedAt);
}
