using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Reintegration.Functions.Standalone;

/// <summary>
/// The standalone host's admin key: the configured one (Reintegration:AdminKey), or one generated at
/// start and printed, so that a developer can call the admin routes of a local run.
/// </summary>
public static class AdminKey
{
    public const string Setting = "Reintegration:AdminKey";

    /// <summary>Adds a generated key to configuration when none is set; returns it, or null when one was configured.</summary>
    public static string? GenerateIfUnset(IConfigurationManager configuration)
    {
        if (!string.IsNullOrEmpty(configuration[Setting]))
        {
            return null;
        }

        var key = "ra_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = key });
        return key;
    }
}
