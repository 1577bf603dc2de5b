using Reintegration.Storage.Openings;
using Reintegration.Validation;

namespace Reintegration.Functions.Openings;

/// <summary>A position taken of an opening, as its publisher sees it: the centre that took it and when, never the person.</summary>
public sealed record HireView(
    string Id, string OpeningId, string CentreId, DateTimeOffset HiredAt, bool Released, DateTimeOffset? ReleasedAt, string? ReleasedBy, string? ReleaseReason)
{
    public static HireView Of(Hire h) => new(h.Id, h.OpeningId, h.CentreId, h.HiredAt, h.Released, h.ReleasedAt, h.ReleasedBy, h.ReleaseReason);
}

/// <summary>Every hire of an opening, oldest first.</summary>
public sealed record HireList(IReadOnlyList<HireView> Items);

/// <summary>POST /api/openings/{id}/hires/{hireId}/release: why the position is given back.</summary>
public sealed record ReleaseRequest
{
    public string Reason { get; init => field = value ?? ""; } = "";

    /// <summary>A reason is required: the release stays on record with it.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        TextRules.Required(errors, "reason", Reason);
        return errors;
    }
}
