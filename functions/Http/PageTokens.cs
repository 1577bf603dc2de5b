using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Functions.Http;

/// <summary>
/// Continuation tokens as clients see them: Table Storage's own token sealed with AES-GCM under a key
/// derived from the app's <see cref="SigningKey"/>, bound to the list they continue (the route, the
/// caller and the filters): unreadable, and refused when forged, altered or sent to another list.
/// </summary>
public sealed class PageTokens(SigningKey signingKey)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Longer than any token this API issues: refused before any work.</summary>
    public const int MaxLength = 2048;

    /// <summary>The token a client passes back for the next page of <paramref name="scope"/>; null at the end.</summary>
    public async Task<string?> SealAsync(string? tableToken, string scope, CancellationToken cancellationToken)
    {
        if (tableToken is null)
        {
            return null;
        }

        var key = await KeyAsync(cancellationToken);
        var plain = Encoding.UTF8.GetBytes(tableToken);
        var sealedToken = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedToken[0] = Version;
        var nonce = sealedToken.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedToken.AsSpan(1 + NonceSize + TagSize), sealedToken.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(scope));
        return Base64Url.EncodeToString(sealedToken);
    }

    /// <summary>Table Storage's token inside a client's token for <paramref name="scope"/>; false for anything this API did not issue for it.</summary>
    public async Task<(bool Valid, string? TableToken)> OpenAsync(string? token, string scope, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (true, null);
        }

        if (token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return (false, null);
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= 1 + NonceSize + TagSize || bytes[0] != Version)
        {
            return (false, null);
        }

        var key = await KeyAsync(cancellationToken);
        var plain = new byte[bytes.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(bytes.AsSpan(1, NonceSize), bytes.AsSpan(1 + NonceSize + TagSize), bytes.AsSpan(1 + NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(scope));
        }
        catch (AuthenticationTagMismatchException)
        {
            return (false, null);
        }

        return (true, Encoding.UTF8.GetString(plain));
    }

    /// <summary>
    /// The <c>continuationToken</c> query parameter, opened for <paramref name="scope"/>; one this API did not
    /// issue for that list is an error of <paramref name="query"/>.
    /// </summary>
    public async Task<string?> ReadAsync(QueryParameters query, string scope, CancellationToken cancellationToken)
    {
        var (valid, tableToken) = await OpenAsync(query.Text("continuationToken", MaxLength), scope, cancellationToken);
        if (!valid)
        {
            query.Errors.Add("continuationToken", "Not a continuation token this API issued for this list: pass back the one the previous page gave, unchanged.");
        }

        return tableToken;
    }

    private ValueTask<byte[]> KeyAsync(CancellationToken cancellationToken) => signingKey.ForAsync("page-tokens", cancellationToken);
}
