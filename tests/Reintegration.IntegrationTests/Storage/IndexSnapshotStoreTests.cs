using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Matching.Index;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Openings.Snapshots;

namespace Reintegration.IntegrationTests.Storage;

/// <summary>
/// Index snapshots in Azurite's Blob service: a new instance starts from one, one instance writes at a
/// time, a damaged one is refused.
/// </summary>
public sealed class IndexSnapshotStoreTests
{
    private const string Publisher = "0123456789abcdef0123456789abcdef";

    /// <summary>Each instance checks only when a test asks it to.</summary>
    private static readonly Dictionary<string, string?> ManualSnapshots = new()
    {
        ["Reintegration:IndexSnapshot:CheckInterval"] = "01:00:00",
    };

    [Fact]
    public async Task InstanceStartingAfterASnapshot_LoadsItAndTheChangesLoggedSince()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        await using var first = await TestStorage.StartAsync(azurite.ConnectionString, prefix, ManualSnapshots);
        await ReadyToSnapshotAsync(first);
        var ids = await UpsertAsync(first, Enumerable.Range(0, 40).Select(i => $"SNAP-{i}"));
        Assert.NotNull(await first.Get<IndexSnapshotWriter>().WriteIfDueAsync(default));
        var later = await UpsertAsync(first, ["AFTER-1", "AFTER-2"]);
        await first.Get<OpeningStore>().CloseAsync(ids[0], null, default);

        await using var second = await TestStorage.StartAsync(azurite.ConnectionString, prefix, ManualSnapshots);
        await second.Get<IndexSynchronizer>().Loaded;

        var ready = Assert.IsType<IndexReady>(second.Get<IndexSynchronizer>().Status);
        Assert.Equal(("snapshot", 41), (ready.LoadedFrom, ready.Openings));
        var index = second.Get<OpeningIndex>();
        Assert.Null(index.Find(ids[0]));
        Assert.All(later.Concat(ids.Skip(1)), id => Assert.NotNull(index.Find(id)));
    }

    [Fact]
    public async Task DamagedSnapshot_IsRefusedAndLogged_AndTheTableIsScannedInstead()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        await using var first = await TestStorage.StartAsync(azurite.ConnectionString, prefix, ManualSnapshots);
        await ReadyToSnapshotAsync(first);
        await UpsertAsync(first, Enumerable.Range(0, 10).Select(i => $"DAMAGE-{i}"));
        var name = await first.Get<IndexSnapshotWriter>().WriteIfDueAsync(default);
        var blob = Container(azurite, prefix).GetBlobClient(name);
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        bytes[bytes.Length / 2] ^= 0x5a;
        await blob.UploadAsync(new BinaryData(bytes), overwrite: true);
        var logs = new CapturedLogs();

        await using var second = await TestStorage.StartAsync(azurite.ConnectionString, prefix, ManualSnapshots,
            configureServices: services => services.AddLogging(b => b.AddProvider(logs)));
        await second.Get<IndexSynchronizer>().Loaded;

        var ready = Assert.IsType<IndexReady>(second.Get<IndexSynchronizer>().Status);
        Assert.Equal(("table", 10), (ready.LoadedFrom, ready.Openings));
        var refused = Assert.Single(logs.Entries, e =>
            e.Category.EndsWith(nameof(IndexSnapshotLoader), StringComparison.Ordinal) && e.Level == LogLevel.Error);
        Assert.Contains("checksum", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writer_WhileAnotherInstanceHoldsTheLease_WritesNothing_AndWritesOnceItIsReleased()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        await using var instance = await TestStorage.StartAsync(azurite.ConnectionString, prefix, ManualSnapshots);
        await ReadyToSnapshotAsync(instance);
        var container = Container(azurite, prefix);
        await container.CreateIfNotExistsAsync();
        var lockBlob = container.GetBlobClient("writer.lock");
        await lockBlob.UploadAsync(BinaryData.Empty, overwrite: true);
        var otherInstance = lockBlob.GetBlobLeaseClient();
        await otherInstance.AcquireAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await instance.Get<IndexSnapshotWriter>().WriteIfDueAsync(default));

        await otherInstance.ReleaseAsync();
        Assert.NotNull(await instance.Get<IndexSnapshotWriter>().WriteIfDueAsync(default));
        Assert.Null(await instance.Get<IndexSnapshotWriter>().WriteIfDueAsync(default));
    }

    [Fact]
    public async Task Writer_BeforeTheChangeLogIsReadAfterATableLoad_WritesNothing()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        var neverRefreshed = new Dictionary<string, string?>(ManualSnapshots) { ["Reintegration:Index:RefreshInterval"] = "01:00:00" };
        await using var instance = await TestStorage.StartAsync(azurite.ConnectionString, prefix, neverRefreshed);
        await instance.Get<IndexSynchronizer>().Loaded;

        // Its snapshot could not list the log rows its scan already reflects: every new instance would fetch them again.
        Assert.Null(instance.Get<IndexSynchronizer>().Capture());
        Assert.Null(await instance.Get<IndexSnapshotWriter>().WriteIfDueAsync(default));
    }

    /// <summary>Loaded, and the change log read once since: what a snapshot needs (see IndexSynchronizer.Capture).</summary>
    private static async Task ReadyToSnapshotAsync(TestStorage storage)
    {
        var synchronizer = storage.Get<IndexSynchronizer>();
        await synchronizer.Loaded;
        await Eventually.HoldsAsync(() => synchronizer.Capture() is not null);
    }

    private static async Task<List<string>> UpsertAsync(TestStorage storage, IEnumerable<string> refs)
    {
        var write = await storage.Get<OpeningStore>().UpsertAsync(Publisher, refs.Select(TestData.Opening).ToList(), default);
        storage.Get<IndexSynchronizer>().Apply(write.Changes);
        return write.Result.Select(o => o.Id).ToList();
    }

    private static BlobContainerClient Container(Azurite azurite, string prefix) =>
        new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(prefix.ToLowerInvariant() + "-opening-index");
}
