using Microsoft.Extensions.Configuration;

namespace Reintegration.Storage.Infrastructure;

/// <summary>Where the tables live, bound from the <c>Reintegration</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Reintegration";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// A Table Storage connection string, or the service URI of a storage account's Table endpoint
    /// (then the app authenticates with its managed identity).
    /// </summary>
    [ConfigurationKeyName("Storage")]
    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>Prepended to every table name, so that several apps can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>How long the health probe waits for storage to answer: under a second, so that health answers within one.</summary>
    public TimeSpan HealthProbeTimeout { get; set; } = TimeSpan.FromMilliseconds(800);
}
