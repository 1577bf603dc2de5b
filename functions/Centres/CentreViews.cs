using Reintegration.Domain;

namespace Reintegration.Functions.Centres;

/// <summary>POST /api/centres.</summary>
public sealed record CentreRequest
{
    public string Name { get; init => field = value ?? ""; } = "";
    public string Country { get; init => field = Codes.Upper(value) ?? ""; } = "";
    public string? Region { get; init; }
    public string? WebhookUrl { get; init; }
    public string Language { get; init => field = Codes.Lower(value) ?? ""; } = "";
}

/// <summary>A centre as the API shows it: never with its key.</summary>
public sealed record CentreView(string Id, string Name, string Country, string? Region, string? WebhookUrl, string Language, DateTimeOffset CreatedAt)
{
    public static CentreView Of(Centre c) => new(c.Id, c.Name, c.Country, c.Region, c.WebhookUrl, c.Language, c.CreatedAt);
}

/// <summary>The answer to a registration: the only time the key is shown.</summary>
public sealed record CentreCreated(string Id, string Name, string Country, string? Region, string? WebhookUrl, string Language, DateTimeOffset CreatedAt, string ApiKey);
