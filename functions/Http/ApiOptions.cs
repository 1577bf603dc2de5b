using Microsoft.Extensions.Configuration;

namespace Reintegration.Functions.Http;

/// <summary>The HTTP API's settings, bound from <c>Reintegration</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Reintegration";

    /// <summary>The admin key (<c>Reintegration:AdminKey</c>). Unset: no admin calls are possible (the standalone host generates one).</summary>
    public string? AdminKey { get; set; }

    /// <summary>Bodies larger than this are refused with 413.</summary>
    [ConfigurationKeyName("MaxBodyBytes")]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Arrays longer than this are refused with 413.</summary>
    public int MaxItems { get; set; } = 500;
}
