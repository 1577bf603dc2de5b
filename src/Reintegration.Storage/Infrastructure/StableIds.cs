using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// Ids derived from what a client sends (a centre and its external reference), so that sending the
/// same item twice writes the same entity: upserts are idempotent by construction. Derived ids are
/// lower-case hex and never carry the reference itself. Ids that come back in URLs are checked
/// against their shape before they touch a key.
/// </summary>
public static partial class StableIds
{
    /// <summary>32 hex characters (128 bits) of SHA-256 over the scope and the reference.</summary>
    public static string Derive(string scope, string externalRef)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + externalRef), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Whether the text is a 32-character lower-case hex id (profiles, centres, placements).</summary>
    public static bool IsId(string? text) => text is not null && HexId().IsMatch(text);

    [GeneratedRegex(@"^[0-9a-f]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexId();
}
