using System.Globalization;
using System.Runtime.InteropServices;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using Reintegration.Matching.Index;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Openings.Snapshots;

/// <summary>
/// Index snapshots in Blob Storage: one container per table prefix, each snapshot a blob named
/// <c>v{version}/{position covered, UTC ticks}.snapshot</c> (so names sort by age, and a build reads
/// only its own format), and an empty <c>writer.lock</c> blob whose lease lets one instance at a time
/// write. Blob calls use the SDK's own retries, not the table pipeline: a snapshot is large, and the
/// table pipeline's attempt timeout is sized for table calls.
/// </summary>
public sealed class IndexSnapshotStore
{
    private const string LockBlob = "writer.lock";
    private static readonly string Folder = $"v{IndexSnapshot.Version}/";
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(60);

    private readonly Lazy<BlobContainerClient> _lazyContainer;
    private volatile bool _created;

    public IndexSnapshotStore(IOptions<IndexSnapshotOptions> options, IOptions<StorageOptions> storage)
    {
        var prefix = storage.Value.TablePrefix.ToLowerInvariant();
        var name = prefix.Length == 0 ? "opening-index" : prefix + "-opening-index";
        // Built on first use: a setting with no Blob endpoint then fails the snapshot (which the caller reports), not the app's start.
        _lazyContainer = new(() => ServiceClient(options.Value.Storage, storage.Value.ConnectionString).GetBlobContainerClient(name));
    }

    private BlobContainerClient Container => _lazyContainer.Value;

    /// <summary>The name of the newest snapshot and the position it covers, or null when there is none.</summary>
    public async Task<(string Name, DateTimeOffset CoveredUntil)?> NewestAsync(CancellationToken cancellationToken)
    {
        string? newest = null;
        try
        {
            await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = Folder }, cancellationToken))
            {
                if (CoveredUntil(blob.Name) is not null && string.CompareOrdinal(blob.Name, newest) > 0)
                {
                    newest = blob.Name;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        return newest is null ? null : (newest, CoveredUntil(newest)!.Value);
    }

    /// <summary>The snapshot's bytes, as stored (checked by <see cref="IndexSnapshot.Read"/>).</summary>
    public async Task<byte[]> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        var response = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        // The downloaded buffer itself when it is exactly the content: not a second copy of a snapshot of 150 MB.
        var content = response.Value.Content.ToMemory();
        return MemoryMarshal.TryGetArray(content, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array
            : content.ToArray();
    }

    /// <summary>
    /// Writes a snapshot if this instance can take the writer's lease (null if another holds it), then
    /// deletes all but the newest <paramref name="keep"/>. The lease is renewed while the write lasts.
    /// </summary>
    public async Task<string?> TryWriteAsync(IndexSnapshot snapshot, int keep, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var lockBlob = Container.GetBlobClient(LockBlob);
        try
        {
            var ifNew = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await lockBlob.UploadAsync(BinaryData.Empty, ifNew, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists (perhaps leased): what matters is the lease.
        }

        var lease = lockBlob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseLength, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(lease, renewing.Token);
        try
        {
            var name = $"{Folder}{snapshot.CoveredUntil.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}.snapshot";
            using (var content = new MemoryStream())
            {
                snapshot.WriteTo(content);
                content.Position = 0;
                await Container.GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken);
            }

            await DeleteOlderAsync(keep, cancellationToken);
            return name;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // It expires on its own within a minute.
            }
        }
    }

    private async Task DeleteOlderAsync(int keep, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = Folder }, cancellationToken))
        {
            names.Add(blob.Name);
        }

        foreach (var old in names.Order(StringComparer.Ordinal).SkipLast(Math.Max(1, keep)))
        {
            await Container.GetBlobClient(old).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    private static async Task RenewAsync(BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseLength / 3, cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException)
        {
            // Lost: another instance may write too; both write whole, valid snapshots under their own names.
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }
    }

    private static DateTimeOffset? CoveredUntil(string name) =>
        name.StartsWith(Folder, StringComparison.Ordinal) && name.EndsWith(".snapshot", StringComparison.Ordinal)
        && long.TryParse(
            name.AsSpan(Folder.Length, name.Length - Folder.Length - ".snapshot".Length),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var ticks)
        && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    /// <summary>The Blob service client, from the snapshot setting or else from the table storage setting.</summary>
    internal static BlobServiceClient ServiceClient(string? blobSetting, string tableSetting)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        var setting = (blobSetting ?? tableSetting).Trim();
        if (Uri.TryCreate(setting, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            if (blobSetting is null)
            {
                uri = new UriBuilder(uri) { Host = uri.Host.Replace(".table.", ".blob.", StringComparison.OrdinalIgnoreCase) }.Uri;
            }

            return new BlobServiceClient(uri, new DefaultAzureCredential(), options);
        }

        return new BlobServiceClient(setting, options);
    }
}
