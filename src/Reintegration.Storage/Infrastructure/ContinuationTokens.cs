using System.Buffers.Text;
using System.Text;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// Table Storage's continuation tokens made opaque and URL-safe (base64url), so that they survive a
/// round trip through any HTTP client's query string; anything that does not decode is refused.
/// </summary>
public static class ContinuationTokens
{
    private const string Version = "v1:";

    public static string? Encode(string? tableToken) =>
        tableToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + tableToken));

    public static bool TryDecode(string? token, out string? tableToken)
    {
        tableToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (token.Length > 2048 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        if (!text.StartsWith(Version, StringComparison.Ordinal) || text.Length == Version.Length)
        {
            return false;
        }

        tableToken = text[Version.Length..];
        return true;
    }
}
