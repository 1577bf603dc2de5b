namespace Reintegration.Domain;

/// <summary>An employment centre: it owns its caseload of profiles and receives a weekly digest.</summary>
public sealed record Centre(
    string Id,
    string Name,
    string Country,
    string? Region,
    string? WebhookUrl,
    string Language,
    DateTimeOffset CreatedAt);
