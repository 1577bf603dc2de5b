namespace Reintegration.Storage.Centres;

/// <summary>What a change to a centre sets; a null property is left as it is, and <see cref="Clear"/> names those to remove.</summary>
public sealed record CentreChanges
{
    public string? Name { get; init; }
    public string? Region { get; init; }
    public string? WebhookUrl { get; init; }
    public string? Language { get; init; }
    public int? ProfileQuota { get; init; }

    /// <summary>Optional fields to remove: "region", "webhookUrl", "profileQuota" (back to the default).</summary>
    public IReadOnlySet<string> Clear { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>How a registration or a change ended.</summary>
public enum CentreWriteOutcome
{
    Done,
    NotFound,

    /// <summary>Another centre of the same country has that name.</summary>
    DuplicateName,
}
