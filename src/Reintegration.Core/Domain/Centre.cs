namespace Reintegration.Domain;

/// <summary>An employment centre: it owns its caseload of profiles and receives a weekly digest.</summary>
public sealed record Centre(
    string Id,
    string Name,
    string Country,
    string? Region,
    string? WebhookUrl,
    string Language,
    DateTimeOffset CreatedAt)
{
    /// <summary>How many profiles the centre may keep, as the admin set it; null for the service's default.</summary>
    public int? ProfileQuota { get; init; }
}
