using Reintegration.Domain;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Placements;
using Reintegration.Storage.Profiles;

namespace Reintegration.IntegrationTests.Storage;

public sealed class CentreAndErasureTests : IAsyncLifetime
{
    private TestStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await TestStorage.StartAsync((await SharedAzurite.GetAsync()).ConnectionString);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Centre_Create_ThenAuthenticateWithItsKey()
    {
        var centres = _storage.Get<CentreStore>();

        var (centre, key) = await centres.RegisterAsync("Khujand Employment Centre", "TJ", "Sughd Region", null, "ru", default);

        Assert.Equal(centre, await centres.AuthenticateAsync(key, default));
        Assert.Equal(centre, await centres.GetAsync(centre.Id, default));
        Assert.Contains(centre, await centres.AllAsync(default));
    }

    [Fact]
    public async Task Centre_CreatedWhileAnswersAreLost_IsCreatedOnceAndItsKeyWorks()
    {
        await using var storage = await TestStorage.StartAsync((await SharedAzurite.GetAsync()).ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Reintegration:StorageResilience:ChaosLostResponseRate"] = "0.5",
            ["Reintegration:StorageResilience:MaxRetryAttempts"] = "12",
        });
        var centres = storage.Get<CentreStore>();

        var created = new List<(Reintegration.Domain.Centre Centre, string Key)>();
        for (var i = 0; i < 10; i++)
        {
            created.Add(await centres.RegisterAsync($"Centre {i}", "TJ", null, null, "en", default));
        }

        Assert.Equal(10, (await centres.AllAsync(default)).Count);
        foreach (var (centre, key) in created)
        {
            Assert.Equal(centre.Id, (await centres.AuthenticateAsync(key, default))?.Id);
        }
    }

    [Fact]
    public async Task Centre_KeyWithOneCharacterChanged_IsRefused()
    {
        var centres = _storage.Get<CentreStore>();
        var (_, key) = await centres.RegisterAsync("Osh Employment Centre", "KG", null, null, "ru", default);
        var tampered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await centres.AuthenticateAsync(tampered, default));
        Assert.Null(await centres.AuthenticateAsync("", default));
        Assert.Null(await centres.AuthenticateAsync("rc_' or '1' eq '1_x", default));
    }

    [Fact]
    public async Task Centre_UnknownIdInAKey_IsRememberedAsAMiss_SoAWrongKeyCostsNoStorageReadTheSecondTime()
    {
        var azurite = await SharedAzurite.GetAsync();
        await using var proxy = TcpProxy.Start(azurite.Port);
        await using var storage = await TestStorage.StartAsync(Azurite.ConnectionStringFor(proxy.Port), settings: new Dictionary<string, string?>
        {
            ["Reintegration:StorageResilience:MaxRetryAttempts"] = "1",
            ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:03",
        });
        var centres = storage.Get<CentreStore>();
        var unknown = "rc_" + new string('7', 32) + "_" + new string('A', 43);
        Assert.Null(await centres.AuthenticateAsync(unknown, default));

        proxy.Cut();

        // With storage gone, only a remembered miss can answer: the same id with another secret is refused at once.
        Assert.Null(await centres.AuthenticateAsync("rc_" + new string('7', 32) + "_" + new string('B', 43), default));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => centres.AuthenticateAsync("rc_" + new string('8', 32) + "_" + new string('A', 43), default));
    }

    [Fact]
    public async Task Centre_KeyIsNotStored_OnlyItsHash()
    {
        var (centre, key) = await _storage.Get<CentreStore>().RegisterAsync("Herat Employment Centre", "AF", null, null, "en", default);

        var entity = (await _storage.Get<Tables>().Centres.GetEntityAsync<Azure.Data.Tables.TableEntity>("centre", centre.Id)).Value;

        var secret = key[(3 + 32 + 1)..];
        Assert.DoesNotContain(((IDictionary<string, object>)entity).Values, v => v is string s && s.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(((IDictionary<string, object>)entity).Values, v => v is byte[] b && System.Text.Encoding.UTF8.GetString(b).Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Placement_RoundTrips_AndAHireIsRecordedOnce()
    {
        var placements = _storage.Get<PlacementStore>();
        const string Centre = "0123456789abcdef0123456789abcdef";
        var profile = new string('a', 32);

        var applied = await placements.RecordAsync(Centre, profile, "KZ-" + new string('1', 32), PlacementOutcome.Applied, default);
        await placements.RecordAsync(Centre, profile, "KZ-" + new string('1', 32), PlacementOutcome.Hired, default);
        await placements.RecordAsync(Centre, profile, "KZ-" + new string('1', 32), PlacementOutcome.Hired, default);

        var all = await placements.ForProfileAsync(Centre, profile, default);
        Assert.Equal(2, all.Count);
        Assert.Contains(applied, all);
    }

    [Fact]
    public async Task Erase_LeavesNothingOfTheProfileBehind_ButTheHireStaysOnRecordAndThePositionTaken()
    {
        const string Centre = "0123456789abcdef0123456789abcdef";
        var profiles = _storage.Get<ProfileStore>();
        var openings = _storage.Get<OpeningStore>();
        var placements = _storage.Get<PlacementStore>();
        var profileId = (await profiles.UpsertAsync(Centre, [TestData.Profile("ERASE")], default)).Single().Id;
        var keep = (await profiles.UpsertAsync(Centre, [TestData.Profile("KEEP")], default)).Single().Id;
        var openingId = (await openings.UpsertAsync(Centre, [TestData.Opening()], default)).Result.Single().Id;
        var person = await _storage.Get<SigningKey>().TokenAsync("hire", $"{openingId}\n{profileId}", default);
        await _storage.Get<HireStore>().HireAsync(openingId, Centre, person, default);
        await placements.RecordAsync(Centre, profileId, openingId, PlacementOutcome.Hired, default);
        await placements.RecordAsync(Centre, profileId, openingId, PlacementOutcome.Interviewed, default);

        Assert.True(await _storage.Get<ProfileErasure>().EraseAsync(Centre, profileId, default));

        Assert.Null(await profiles.GetAsync(Centre, profileId, default));
        Assert.Empty(await placements.ForProfileAsync(Centre, profileId, default));
        Assert.Empty(await EntitiesMentioningAsync(profileId));
        Assert.NotNull(await profiles.GetAsync(Centre, keep, default));
        Assert.Equal(1, (await openings.GetAsync(openingId, default))!.Filled);
        var hire = Assert.Single((await _storage.Get<HireStore>().ListAsync(openingId, default))!);
        Assert.Equal((Centre, false), (hire.CentreId, hire.Released));
        Assert.False(await _storage.Get<ProfileErasure>().EraseAsync(Centre, profileId, default));
    }

    /// <summary>Every entity of every table whose key or any property holds the id.</summary>
    private async Task<List<string>> EntitiesMentioningAsync(string id)
    {
        var found = new List<string>();
        foreach (var table in _storage.Get<Tables>().All)
        {
            await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                if (entity.RowKey.Contains(id, StringComparison.Ordinal) || entity.PartitionKey.Contains(id, StringComparison.Ordinal)
                    || ((IDictionary<string, object>)entity).Values.Any(v => v is string s && s.Contains(id, StringComparison.Ordinal)))
                {
                    found.Add($"{table.Name}/{entity.PartitionKey}/{entity.RowKey}");
                }
            }
        }

        return found;
    }
}
