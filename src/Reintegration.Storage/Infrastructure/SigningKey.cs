using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Reintegration.Storage.Infrastructure;

/// <summary>Bound from <c>Reintegration</c>.</summary>
public sealed class SigningKeyOptions
{
    public const string SectionName = "Reintegration";

    /// <summary>
    /// The app's secret for what it signs (continuation tokens) and derives one-way tokens with (a hired
    /// person's token): base64, at least 32 bytes. Unset, the app keeps a random one in its own storage,
    /// shared by every instance.
    /// </summary>
    public string? SigningKey { get; set; }
}

/// <summary>
/// The app's one secret for signing and one-way tokens, the same on every instance: from configuration,
/// or else a random key created once in the Centres table (the first instance to need it creates it;
/// the others read it).
/// </summary>
public sealed class SigningKey(Tables tables, StorageCalls calls, IOptions<SigningKeyOptions> options)
{
    private const string Partition = "setting";
    private const string Row = "signing-key";

    private byte[]? _key;

    /// <summary>A key for one purpose, derived from the app's secret (so one leaked purpose key reveals no other).</summary>
    public async ValueTask<byte[]> ForAsync(string purpose, CancellationToken cancellationToken) =>
        HMACSHA256.HashData(await GetAsync(cancellationToken), Encoding.UTF8.GetBytes(purpose));

    /// <summary>A one-way token of <paramref name="text"/> for one purpose: 32 hex characters, the same on every instance.</summary>
    public async ValueTask<string> TokenAsync(string purpose, string text, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await ForAsync(purpose, cancellationToken), Encoding.UTF8.GetBytes(text))[..16]);

    private async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
        {
            return known;
        }

        if (options.Value.SigningKey is { Length: > 0 } configured)
        {
            return _key = Decode(configured);
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        var created = new TableEntity(Partition, Row) { ["Key"] = RandomNumberGenerator.GetBytes(32) };
        try
        {
            await calls.RunAsync(async token => { await tables.Centres.AddEntityAsync(created, token); }, cancellationToken);
            return _key = created.GetBinary("Key");
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another instance (or this one, whose answer was lost) created it first: that one is the key.
            var stored = await TableQueries.FindAsync(calls, tables.Centres, Partition, Row, cancellationToken);
            return _key = stored?.GetBinary("Key") ?? throw new InvalidOperationException("The signing key row exists but holds no key.");
        }
    }

    // Checked at start (the app's settings validation): base64 of at least 32 bytes.
    private static byte[] Decode(string configured) => Convert.FromBase64String(configured);
}
