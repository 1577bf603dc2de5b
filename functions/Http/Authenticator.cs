using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Reintegration.Storage.Centres;

namespace Reintegration.Functions.Http;

/// <summary>
/// Reads the x-api-key header: the admin key (from configuration, compared as SHA-256 digests in
/// constant time) or a centre key (checked by <see cref="CentreStore"/>).
/// </summary>
public sealed class Authenticator(CentreStore centres, IOptions<ApiOptions> options)
{
    public const string Header = "x-api-key";
    private readonly byte[]? _adminDigest = string.IsNullOrEmpty(options.Value.AdminKey) ? null : Digest(options.Value.AdminKey);

    /// <summary>The caller, or null when the key is missing or wrong.</summary>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var key = request.Headers[Header].ToString();
        if (key.Length is 0 or > 256)
        {
            return null;
        }

        if (_adminDigest is not null && CryptographicOperations.FixedTimeEquals(_adminDigest, Digest(key)))
        {
            return Caller.Admin;
        }

        return await centres.AuthenticateAsync(key, cancellationToken) is { } centre ? new Caller(centre) : null;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
