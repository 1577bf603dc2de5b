using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Reintegration.Domain;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Centres;

/// <summary>
/// Employment centres and their API keys. A key is "rc_{centre id}_{secret}"; only the SHA-256 of the
/// secret is stored, and it is compared in constant time. The secret has 256 random bits, so a plain
/// hash is enough: there is nothing to guess.
/// </summary>
public sealed class CentreStore(Tables tables, StorageCalls calls, TimeProvider time)
{
    private const string Partition = "centre";
    private const string KeyPrefix = "rc_";

    // Authentication runs on every request: a centre, once read, is trusted for a short while.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (TableEntity Entity, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<(Centre Centre, string ApiKey)> CreateAsync(string name, string country, string? region, string? webhookUrl, string language, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var id = StableIds.NewId();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var entity = new TableEntity(Partition, id)
        {
            ["Name"] = name,
            ["Country"] = country,
            ["Region"] = region,
            ["WebhookUrl"] = webhookUrl,
            ["Language"] = language,
            ["KeyHash"] = Hash(secret),
            ["CreatedAt"] = time.GetUtcNow(),
        };
        try
        {
            await calls.RunAsync(async token => { await tables.Centres.AddEntityAsync(entity, token); }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The id is new, so an entity already there is this very write, retried after its answer was lost.
            var stored = await TableQueries.FindAsync(calls, tables.Centres, Partition, id, cancellationToken);
            if (stored?.GetBinary("KeyHash") is not { } hash || !CryptographicOperations.FixedTimeEquals(hash, Hash(secret)))
            {
                throw;
            }
        }

        return (FromEntity(entity), $"{KeyPrefix}{id}_{secret}");
    }

    public async Task<Centre?> GetAsync(string id, CancellationToken cancellationToken) =>
        StableIds.IsId(id) && await ReadAsync(id, cancellationToken) is { } entity ? FromEntity(entity) : null;

    /// <summary>The centre an API key belongs to, or null for any key that is not a current centre key.</summary>
    public async Task<Centre?> AuthenticateAsync(string apiKey, CancellationToken cancellationToken)
    {
        // "rc_" + 32-character id + "_" + 43-character secret (base64url, which may itself hold '_').
        if (apiKey.Length != KeyPrefix.Length + 32 + 1 + 43 || !apiKey.StartsWith(KeyPrefix, StringComparison.Ordinal) || apiKey[KeyPrefix.Length + 32] != '_')
        {
            return null;
        }

        var id = apiKey.Substring(KeyPrefix.Length, 32);
        var secret = apiKey[(KeyPrefix.Length + 33)..];
        if (!StableIds.IsId(id) || await ReadAsync(id, cancellationToken) is not { } entity || entity.GetBinary("KeyHash") is not { } stored)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(stored, Hash(secret)) ? FromEntity(entity) : null;
    }

    public async Task<IReadOnlyList<Centre>> AllAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var centres = new List<Centre>();
        await foreach (var entity in TableQueries.AllAsync(calls, tables.Centres, TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), null, cancellationToken))
        {
            centres.Add(FromEntity(entity));
        }

        return centres;
    }

    private async Task<TableEntity?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(id, out var cached) && cached.Until > now)
        {
            return cached.Entity;
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = await TableQueries.FindAsync(calls, tables.Centres, Partition, id, cancellationToken);
        if (entity is not null)
        {
            _cache[id] = (entity, now + CacheFor);
        }

        return entity;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static Centre FromEntity(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("Name"),
        entity.GetString("Country"),
        entity.GetString("Region"),
        entity.GetString("WebhookUrl"),
        entity.GetString("Language"),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
