using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Reintegration.Storage.Centres;

/// <summary>
/// A centre's API key: "rc_{centre id}_{secret}". Only the SHA-256 of the secret is stored, and it is
/// compared in constant time; the secret has 256 random bits, so a plain hash is enough.
/// </summary>
internal static class CentreKeys
{
    private const string Prefix = "rc_";
    private const int IdLength = 32;
    private const int SecretLength = 43;

    public static (string Key, byte[] Hash) New(string centreId)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{centreId}_{secret}", Hash(secret));
    }

    /// <summary>The centre id and the secret's hash of a key of the right shape; false for anything else.</summary>
    public static bool TryRead(string apiKey, out string centreId, out byte[] hash)
    {
        centreId = "";
        hash = [];
        // The secret is base64url, which may itself hold '_': the shape is fixed by lengths, not by splitting.
        if (apiKey.Length != Prefix.Length + IdLength + 1 + SecretLength || !apiKey.StartsWith(Prefix, StringComparison.Ordinal) || apiKey[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        centreId = apiKey.Substring(Prefix.Length, IdLength);
        hash = Hash(apiKey[(Prefix.Length + IdLength + 1)..]);
        return true;
    }

    public static bool Matches(byte[] stored, byte[] hash) => CryptographicOperations.FixedTimeEquals(stored, hash);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
