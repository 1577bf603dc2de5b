using Reintegration.Domain;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Storage.Openings;

namespace Reintegration.IntegrationTests.Storage;

/// <summary>The opening store against real Azurite tables, and the index kept in step with what its writes return.</summary>
public sealed class OpeningStoreTests : IAsyncLifetime
{
    private const string Publisher = "0123456789abcdef0123456789abcdef";
    private static DateOnly Today => TestData.Today;
    private TestStorage _storage = null!;
    private OpeningStore Store => _storage.Get<OpeningStore>();
    private HireStore Hires => _storage.Get<HireStore>();

    public async Task InitializeAsync() => _storage = await TestStorage.StartAsync((await SharedAzurite.GetAsync()).ConnectionString);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Upsert_ThenGet_RoundTripsAndIdStartsWithTheCountry()
    {
        var outcome = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening()], default))).Single();

        var stored = await Store.GetAsync(outcome.Id, default);

        Assert.StartsWith("KZ-", outcome.Id, StringComparison.Ordinal);
        Assert.True(outcome.Created);
        Assert.Equal(Json(TestData.Opening()), Json(stored!.Opening));
        Assert.Equal((Publisher, 0, false), (stored.PublisherId, stored.Filled, stored.Closed));
    }

    [Fact]
    public async Task Upsert_SameReferenceTwice_OneOpeningAndTheIndexHoldsTheLatest()
    {
        await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("TWICE")], default));
        var second = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("TWICE") with { Title = "Senior welder" }], default))).Single();

        Assert.False(second.Created);
        Assert.Single((await Store.ListAsync(null, null, 100, null, default)).Items);
        Assert.Equal("Senior welder", _storage.Get<OpeningIndex>().Find(second.Id)!.Opening.Title);
    }

    [Fact]
    public async Task Upsert_SameReferenceFromAnotherPublisher_IsAnotherOpening()
    {
        var a = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("SHARED")], default))).Single();
        var b = (await WriteAsync(Store.UpsertAsync("fedcba9876543210fedcba9876543210", [TestData.Opening("SHARED")], default))).Single();

        Assert.NotEqual(a.Id, b.Id);
        Assert.True(b.Created);
    }

    [Fact]
    public async Task Upsert_MovedToAnotherCountry_ClosesTheOldOpening()
    {
        var before = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("MOVE")], default))).Single();
        var moved = TestData.Opening("MOVE") with { Location = new Location { Country = "KG", City = "Bishkek" } };

        var after = (await WriteAsync(Store.UpsertAsync(Publisher, [moved], default))).Single();

        Assert.StartsWith("KG-", after.Id, StringComparison.Ordinal);
        Assert.True((await Store.GetAsync(before.Id, default))!.Closed);
        Assert.Null(_storage.Get<OpeningIndex>().Find(before.Id));
        Assert.Equal([after.Id], (await Store.ListAsync(null, null, 10, null, default)).Items.Select(o => o.Id));
    }

    [Fact]
    public async Task AllOpen_PartitionsFromEitherEndOfTheAlphabet_ReadsEveryOpenOpeningOnce()
    {
        // No index here: it would refuse the countries outside the region, which the store itself takes as any other partition.
        await using var storage = await TestStorage.StartAsync((await SharedAzurite.GetAsync()).ConnectionString, runBackgroundServices: false);
        var store = storage.Get<OpeningStore>();
        string[] countries = ["AA", "AF", "KG", "KZ", "UZ", "ZW", "ZZ"];
        var openings = countries.SelectMany(c => Enumerable.Range(0, 3).Select(i =>
            TestData.Opening($"SCAN-{c}-{i}") with { Location = new Location { Country = c, City = "Anywhere" } })).ToList();
        var ids = (await store.UpsertAsync(Publisher, openings, default)).Result.Select(o => o.Id).ToList();
        await store.CloseAsync(ids[^1], null, default);

        var read = new List<string>();
        await foreach (var opening in store.AllOpenAsync(default))
        {
            read.Add(opening.Id);
        }

        Assert.Equal(ids[..^1].Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Upsert_AfterHires_KeepsTheFilledCount()
    {
        var id = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("KEEP")], default))).Single().Id;
        await WriteAsync(Hires.HireAsync(id, Publisher, new string('1', 32), default));

        await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("KEEP") with { Title = "Welder (night shift)" }], default));

        Assert.Equal(1, (await Store.GetAsync(id, default))!.Filled);
        Assert.Equal(1, _storage.Get<OpeningIndex>().Find(id)!.Filled);
    }

    [Fact]
    public async Task Hire_TwentyAtOnceForThreePositions_TakesExactlyThree()
    {
        var id = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("RUSH")], default))).Single().Id;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => WriteAsync(Hires.HireAsync(id, Publisher, $"{i:D32}", default))));

        Assert.Equal(3, outcomes.Count(o => o == HireOutcome.Hired));
        Assert.Equal(17, outcomes.Count(o => o == HireOutcome.NoPositionLeft));
        Assert.Equal(3, (await Store.GetAsync(id, default))!.Filled);
    }

    [Fact]
    public async Task Hire_SamePersonTwice_TakesOnePosition()
    {
        var id = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("ONCE")], default))).Single().Id;

        var first = await WriteAsync(Hires.HireAsync(id, Publisher, new string('2', 32), default));
        var second = await WriteAsync(Hires.HireAsync(id, Publisher, new string('2', 32), default));

        Assert.Equal((HireOutcome.Hired, HireOutcome.AlreadyHired), (first, second));
        Assert.Equal(1, (await Store.GetAsync(id, default))!.Filled);
    }

    [Fact]
    public async Task Hire_LastPosition_DropsTheOpeningOutOfMatches()
    {
        var id = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("LAST") with { Positions = 1 }], default))).Single().Id;
        var query = new MatchQuery { Today = Today };
        var engine = _storage.Get<OpeningIndex>();
        Assert.Single(engine.Match(TestData.Profile(), query).Matches);

        await WriteAsync(Hires.HireAsync(id, Publisher, new string('3', 32), default));

        var after = engine.Match(TestData.Profile(), query);
        Assert.Empty(after.Matches);
        Assert.Equal(1, after.Excluded.Closed);
    }

    [Fact]
    public async Task Close_ByThePublisher_RemovesFromListAndIndex_ByAnother_IsRefused()
    {
        var id = (await WriteAsync(Store.UpsertAsync(Publisher, [TestData.Opening("CLOSE")], default))).Single().Id;

        Assert.Equal(CloseOutcome.NotPublisher, await WriteAsync(Store.CloseAsync(id, "fedcba9876543210fedcba9876543210", default)));
        Assert.Equal(CloseOutcome.Closed, await WriteAsync(Store.CloseAsync(id, Publisher, default)));

        Assert.Empty((await Store.ListAsync(null, null, 10, null, default)).Items);
        Assert.Null(_storage.Get<OpeningIndex>().Find(id));
        Assert.Equal(CloseOutcome.NotFound, await WriteAsync(Store.CloseAsync("KZ-" + new string('0', 32), null, default)));
    }

    [Fact]
    public async Task List_FiltersByCountryAndIsco()
    {
        await WriteAsync(Store.UpsertAsync(Publisher,
        [
            TestData.Opening("A"),
            TestData.Opening("B") with { Isco = "5120", Title = "Cook" },
            TestData.Opening("C") with { Location = new Location { Country = "KG", City = "Bishkek" } },
        ], default));

        Assert.Equal(["A", "B"], (await Store.ListAsync("KZ", null, 10, null, default)).Items.Select(o => o.Opening.ExternalRef).Order());
        Assert.Equal(["A"], (await Store.ListAsync("KZ", "7212", 10, null, default)).Items.Select(o => o.Opening.ExternalRef));
        Assert.Empty((await Store.ListAsync("KZ", "7212' or Isco ne '", 10, null, default)).Items);
    }

    [Theory]
    [InlineData("kz-0000")]
    [InlineData("KZ-' or '1' eq '1")]
    [InlineData("XX")]
    public async Task Get_IdsNotOfOurShape_AreNotFound(string id) =>
        Assert.Null(await Store.GetAsync(id, default));

    /// <summary>Awaits a write and applies what it changed to the index, as the functions do.</summary>
    private async Task<T> WriteAsync<T>(Task<OpeningWrite<T>> write)
    {
        var (result, changes) = await write;
        _storage.Get<IndexSynchronizer>().Apply(changes);
        return result;
    }

    private static string Json(Opening o) => System.Text.Json.JsonSerializer.Serialize(o, Reintegration.ReintegrationJsonContext.Default.Opening);
}
