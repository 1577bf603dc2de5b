using Reintegration.Domain;
using Reintegration.Functions.OpenApi;
using Reintegration.Validation;

namespace Reintegration.Functions.Centres;

/// <summary>POST /api/centres.</summary>
public sealed record CentreRequest
{
    public string Name { get; init => field = value ?? ""; } = "";
    public string Country { get; init => field = Codes.Upper(value) ?? ""; } = "";
    public string? Region { get; init; }
    public string? WebhookUrl { get; init; }
    [ServiceLanguage]
    public string Language { get; init => field = Codes.Lower(value) ?? ""; } = "";

    public ValidationErrors Validate(CentreValidator validator) => validator.Validate(Name, Country, Region, WebhookUrl, Language);
}

/// <summary>
/// PATCH /api/centres/{id} and /api/centres/me, as a JSON merge patch (RFC 7396): a property left out
/// stays as it is, null removes an optional one (region, webhookUrl). The country cannot change.
/// </summary>
public sealed record CentrePatch
{
    /// <summary>The properties a patch may change but not remove: null is refused for them.</summary>
    public static readonly IReadOnlyList<string> Irremovable = ["name", "language"];

    public string? Name { get; init; }
    public string? Region { get; init; }
    public string? WebhookUrl { get; init; }
    [ServiceLanguage]
    public string? Language { get; init => field = Codes.Lower(value); }

    /// <summary>How many profiles the centre may keep (admin only; null returns it to the service's default).</summary>
    public int? ProfileQuota { get; init; }
}

/// <summary>A centre as the API shows it, with the profile quota that applies to it: never with its key.</summary>
public sealed record CentreView(
    string Id, string Name, string Country, string? Region, string? WebhookUrl,
    [property: ServiceLanguage] string Language, DateTimeOffset CreatedAt, int ProfileQuota)
{
    public static CentreView Of(Centre c, int defaultQuota) =>
        new(c.Id, c.Name, c.Country, c.Region, c.WebhookUrl, c.Language, c.CreatedAt, c.ProfileQuota ?? defaultQuota);
}

/// <summary>The centres, a page at a time.</summary>
public sealed record CentrePage(IReadOnlyList<CentreView> Items, string? ContinuationToken);

/// <summary>The answer to a registration or a new key: the only time the key is shown.</summary>
public sealed record CentreCreated(
    string Id, string Name, string Country, string? Region, string? WebhookUrl,
    [property: ServiceLanguage] string Language, DateTimeOffset CreatedAt, string ApiKey)
{
    public static CentreCreated Of(Centre c, string apiKey) => new(c.Id, c.Name, c.Country, c.Region, c.WebhookUrl, c.Language, c.CreatedAt, apiKey);
}
