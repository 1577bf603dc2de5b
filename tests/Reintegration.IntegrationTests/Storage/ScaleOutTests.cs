using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Profiles;

namespace Reintegration.IntegrationTests.Storage;

/// <summary>Two app instances over one storage account, and storage that goes away and comes back.</summary>
public sealed class ScaleOutTests
{
    private const string Publisher = "0123456789abcdef0123456789abcdef";
    private static MatchQuery Query => new() { Today = TestData.Today };

    [Fact]
    public async Task OpeningWrittenThroughOneInstance_IsMatchedByAnother_AndItsClosingIsSeenToo()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        var fast = new Dictionary<string, string?> { ["Reintegration:Index:RefreshInterval"] = "00:00:01" };
        await using var first = await TestStorage.StartAsync(azurite.ConnectionString, prefix, fast);
        await using var second = await TestStorage.StartAsync(azurite.ConnectionString, prefix, fast);
        await second.Get<IndexSynchronizer>().Loaded;

        var id = (await first.Get<OpeningStore>().UpsertAsync(Publisher, [TestData.Opening("FRESH")], default)).Result.Single().Id;
        Assert.Null(second.Get<OpeningIndex>().Find(id));

        await Eventually.HoldsAsync(
            () => second.Get<OpeningIndex>().Match(TestData.Profile(), Query).Matches.Any(m => m.OpeningId == id), "the other instance matches the new opening");
        await first.Get<OpeningStore>().CloseAsync(id, null, default);
        await Eventually.HoldsAsync(() => second.Get<OpeningIndex>().Find(id) is null, "the other instance drops the closed opening");
    }

    [Fact]
    public async Task LargeImportThroughOneInstance_IsIndexedByAnotherInOneScan_WithItsClosingsToo()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        var logs = new CapturedLogs();
        await using var first = await TestStorage.StartAsync(azurite.ConnectionString, prefix);
        var before = (await first.Get<OpeningStore>().UpsertAsync(Publisher, [TestData.Opening("BEFORE")], default)).Result.Single().Id;
        // The second reads the change log only when the test asks, once the whole import is logged.
        var manual = new Dictionary<string, string?> { ["Reintegration:Index:RefreshInterval"] = "01:00:00" };
        await using var second = await TestStorage.StartAsync(azurite.ConnectionString, prefix, manual,
            configureServices: services => services.AddLogging(b => b.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Information)));
        var synchronizer = second.Get<IndexSynchronizer>();
        await synchronizer.Loaded;
        Assert.NotNull(second.Get<OpeningIndex>().Find(before));
        var loadedAt = TimeProvider.System.GetUtcNow();

        var imported = (await first.Get<OpeningStore>().UpsertAsync(
            Publisher, Enumerable.Range(0, 1200).Select(i => TestData.Opening($"BULK-{i}")).ToList(), default)).Result.Select(o => o.Id).ToList();
        await first.Get<OpeningStore>().CloseAsync(before, null, default);
        await synchronizer.RefreshAsync(loadedAt, default);

        var index = second.Get<OpeningIndex>();
        Assert.Equal(1200, index.Count);
        Assert.Null(index.Find(before));
        Assert.All(imported, id => Assert.NotNull(index.Find(id)));
        Assert.Contains(logs.Entries, e => e.Message.Contains("the table was read whole instead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportThroughThisInstance_IsNotFetchedBackByItsRefresh_WhileAnotherInstancesWriteIs()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        var logs = new CapturedLogs();
        var manual = new Dictionary<string, string?> { ["Reintegration:Index:RefreshInterval"] = "01:00:00" };
        await using var first = await TestStorage.StartAsync(azurite.ConnectionString, prefix, manual,
            configureServices: services => services.AddLogging(b => b.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Information)));
        await using var second = await TestStorage.StartAsync(azurite.ConnectionString, prefix, runBackgroundServices: false);
        var synchronizer = first.Get<IndexSynchronizer>();
        await synchronizer.Loaded;
        var loadedAt = TimeProvider.System.GetUtcNow();

        var import = await first.Get<OpeningStore>().UpsertAsync(
            Publisher, Enumerable.Range(0, 1200).Select(i => TestData.Opening($"OWN-{i}")).ToList(), default);
        synchronizer.Apply(import.Changes);
        var other = (await second.Get<OpeningStore>().UpsertAsync(Publisher, [TestData.Opening("OTHER")], default)).Result.Single().Id;
        await synchronizer.RefreshAsync(loadedAt, default);

        Assert.Equal(1201, first.Get<OpeningIndex>().Count);
        Assert.NotNull(first.Get<OpeningIndex>().Find(other));
        // The import counted once, as applied, and the other instance's opening once, as fetched: no scan, no fetching back.
        Assert.Equal(1201, synchronizer.ChangesApplied);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("the table was read whole instead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeLog_Prune_DeletesOnlyRowsOlderThanTheCutOff()
    {
        await using var storage = await TestStorage.StartAsync((await SharedAzurite.GetAsync()).ConnectionString, runBackgroundServices: false);
        var log = storage.Get<OpeningChangeLog>();
        await storage.Get<Tables>().EnsureCreatedAsync(default);
        var now = TimeProvider.System.GetUtcNow();
        await log.RecordAsync(Enumerable.Range(0, 130).Select(i => $"KZ-{i:D32}"), default);

        Assert.Equal(0, await log.PruneAsync(now.AddHours(-1), default));
        Assert.Single(await log.ReadAsync(now.AddMinutes(-1), now.AddMinutes(1), default));
        Assert.Equal(1, await log.PruneAsync(now.AddMinutes(2), default));
        Assert.Empty(await log.ReadAsync(now.AddMinutes(-1), now.AddMinutes(1), default));
    }

    [Fact]
    public async Task ChangeLog_WriteOf1200Openings_IsThreeRowsNamingEachOnce()
    {
        await using var storage = await TestStorage.StartAsync((await SharedAzurite.GetAsync()).ConnectionString, runBackgroundServices: false);
        var log = storage.Get<OpeningChangeLog>();
        await storage.Get<Tables>().EnsureCreatedAsync(default);
        var now = TimeProvider.System.GetUtcNow();
        var ids = Enumerable.Range(0, 1200).Select(i => $"KZ-{i:D32}").ToList();

        await log.RecordAsync(ids.Concat(ids.Take(10)), default);

        var rows = await log.ReadAsync(now.AddMinutes(-1), now.AddMinutes(1), default);
        Assert.Equal([200, 500, 500], rows.Select(r => r.OpeningIds.Length).Order());
        Assert.Equal(ids, rows.SelectMany(r => r.OpeningIds).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChangeLog_RowOfTheOneOpeningFormat_IsStillRead()
    {
        await using var storage = await TestStorage.StartAsync((await SharedAzurite.GetAsync()).ConnectionString, runBackgroundServices: false);
        var tables = storage.Get<Tables>();
        await tables.EnsureCreatedAsync(default);
        var now = TimeProvider.System.GetUtcNow();
        var id = "KZ-" + new string('7', 32);
        var bucket = now.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        var legacy = new Azure.Data.Tables.TableEntity(bucket, $"{now.UtcTicks:D19}-{id}") { ["OpeningId"] = id };
        await tables.OpeningChanges.AddEntityAsync(legacy);

        var row = Assert.Single(await storage.Get<OpeningChangeLog>().ReadAsync(now.AddMinutes(-1), now.AddMinutes(1), default));

        Assert.Equal([id], row.OpeningIds);
    }

    [Fact]
    public async Task InstanceStartingLater_LoadsEveryOpenOpening()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        await using var first = await TestStorage.StartAsync(azurite.ConnectionString, prefix);
        var openings = Enumerable.Range(0, 120).Select(i => TestData.Opening($"LOAD-{i}")).ToList();
        var ids = (await first.Get<OpeningStore>().UpsertAsync(Publisher, openings, default)).Result.Select(o => o.Id).ToList();
        await first.Get<OpeningStore>().CloseAsync(ids[0], null, default);

        await using var later = await TestStorage.StartAsync(azurite.ConnectionString, prefix);
        await later.Get<IndexSynchronizer>().Loaded;

        Assert.Equal(119, later.Get<OpeningIndex>().Count);
    }

    [Fact]
    public async Task StorageGoneMidImport_CallerGetsTheTypedFailure_AndAResendConvergesToExactlyTheSentSet()
    {
        var azurite = await SharedAzurite.GetAsync();
        await using var proxy = TcpProxy.Start(azurite.Port);
        await using var storage = await TestStorage.StartAsync(Azurite.ConnectionStringFor(proxy.Port, azurite.BlobPort), settings: new Dictionary<string, string?>
        {
            ["Reintegration:StorageResilience:MaxRetryAttempts"] = "2",
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:01",
            ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:04",
        });
        var store = storage.Get<ProfileStore>();
        const string Centre = "0123456789abcdef0123456789abcdef";
        var sent = TestData.Profiles(2_000, "OUTAGE");

        var failure = await Record.ExceptionAsync(async () =>
        {
            var sentRequests = 0;
            foreach (var request in sent.Chunk(200))
            {
                if (++sentRequests == 4)
                {
                    proxy.Cut();
                }

                await store.UpsertAsync(Centre, request, default);
            }
        });

        Assert.IsType<StorageUnavailableException>(failure);
        proxy.Restore();
        foreach (var request in sent.Chunk(200))
        {
            await store.UpsertAsync(Centre, request, default);
        }

        var stored = new List<string>();
        await foreach (var profile in store.AllAsync(Centre, default))
        {
            stored.Add(profile.Profile.ExternalRef);
        }

        Assert.Equal(sent.Select(p => p.ExternalRef).Order(), stored.Order());
    }
}
