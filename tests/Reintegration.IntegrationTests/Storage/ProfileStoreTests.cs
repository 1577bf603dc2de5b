using Azure;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Profiles;

namespace Reintegration.IntegrationTests.Storage;

/// <summary>The profile store against real Azurite tables.</summary>
public sealed class ProfileStoreTests : IAsyncLifetime
{
    private const string Centre = "0123456789abcdef0123456789abcdef";
    private TestStorage _storage = null!;
    private ProfileStore Store => _storage.Get<ProfileStore>();

    public async Task InitializeAsync() => _storage = await TestStorage.StartAsync((await SharedAzurite.GetAsync()).ConnectionString);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Upsert_ThenGet_RoundTripsTheWholeDocument()
    {
        var profile = TestData.Profile();

        var outcome = (await Store.UpsertAsync(Centre, [profile], default)).Single();
        var stored = await Store.GetAsync(Centre, outcome.Id, default);

        Assert.True(outcome.Created);
        Assert.NotNull(stored);
        Assert.Equal(Json(profile), Json(stored.Profile));
        Assert.NotEqual(default, stored.ETag);
    }

    [Fact]
    public async Task Upsert_SameProfileTwice_CreatesItOnceWithTheSameId()
    {
        var first = (await Store.UpsertAsync(Centre, [TestData.Profile("TWICE")], default)).Single();
        var second = (await Store.UpsertAsync(Centre, [TestData.Profile("TWICE") with { DisplayName = "F. K. (updated)" }], default)).Single();

        Assert.Equal(first.Id, second.Id);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal("F. K. (updated)", (await Store.GetAsync(Centre, first.Id, default))!.Profile.DisplayName);
        Assert.Single((await Store.ListAsync(Centre, 100, null, default)).Items);
    }

    [Fact]
    public async Task Upsert_MixOfNewAndExisting_ReportsWhichWereCreated()
    {
        await Store.UpsertAsync(Centre, TestData.Profiles(3, "MIX"), default);

        var outcomes = await Store.UpsertAsync(Centre, TestData.Profiles(5, "MIX"), default);

        Assert.Equal([false, false, false, true, true], outcomes.Select(o => o.Created));
    }

    [Fact]
    public async Task Upsert_250Profiles_SplitIntoTransactionsOfAtMost100_StoresAll()
    {
        var outcomes = await Store.UpsertAsync(Centre, TestData.Profiles(250, "BULK"), default);

        Assert.Equal(250, outcomes.Select(o => o.Id).Distinct().Count());
        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.Equal(250, await CountAsync(Centre, 1000));
    }

    [Fact]
    public async Task List_MoreThan1000_PagesThroughEveryOneOnce()
    {
        await Store.UpsertAsync(Centre, TestData.Profiles(1_050, "PAGE"), default);

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(Centre, 400, token, default);
            ids.AddRange(page.Items.Select(p => p.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(1_050, ids.Count);
        Assert.Equal(1_050, ids.Distinct().Count());
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Replace_WithAStaleETag_IsAConflict()
    {
        var id = (await Store.UpsertAsync(Centre, [TestData.Profile("ETAG")], default)).Single().Id;
        var read = (await Store.GetAsync(Centre, id, default))!;
        await Store.ReplaceAsync(Centre, id, read.Profile with { DisplayName = "A. B." }, read.ETag, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.ReplaceAsync(Centre, id, read.Profile with { DisplayName = "C. D." }, read.ETag, default));

        Assert.Equal("A. B.", (await Store.GetAsync(Centre, id, default))!.Profile.DisplayName);
    }

    [Fact]
    public async Task Replace_UnknownProfile_IsNull() =>
        Assert.Null(await Store.ReplaceAsync(Centre, ProfileStore.IdFor(Centre, "NEVER-STORED"), TestData.Profile("NEVER-STORED"), ETag.All, default));

    [Fact]
    public async Task Get_AnotherCentresProfile_IsNotFound()
    {
        var id = (await Store.UpsertAsync(Centre, [TestData.Profile("MINE")], default)).Single().Id;

        Assert.Null(await Store.GetAsync("fedcba9876543210fedcba9876543210", id, default));
    }

    [Theory]
    [InlineData("O'Brien-1")]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("a\"b")]
    public async Task Upsert_ReferencesWithQuotesAndFilterSyntax_AreStoredAsData(string externalRef)
    {
        var outcome = (await Store.UpsertAsync(Centre, [TestData.Profile(externalRef)], default)).Single();
        await Store.UpsertAsync(Centre, [TestData.Profile(externalRef)], default);

        Assert.Equal(externalRef, (await Store.GetAsync(Centre, outcome.Id, default))!.Profile.ExternalRef);
        Assert.Equal(1, await CountAsync(Centre, 10));
    }

    [Theory]
    [InlineData("' or '1' eq '1")]
    [InlineData("../../x")]
    [InlineData("")]
    public async Task Get_IdsNotOfOurShape_AreNotFoundWithoutTouchingAKey(string id) =>
        Assert.Null(await Store.GetAsync(Centre, id, default));

    [Fact]
    public async Task List_CentreIdWithAQuote_ReturnsNothing()
    {
        await Store.UpsertAsync(Centre, [TestData.Profile("Q")], default);

        Assert.Empty((await Store.ListAsync("x' or PartitionKey ne 'y", 100, null, default)).Items);
    }

    private async Task<int> CountAsync(string centre, int pageSize)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await Store.ListAsync(centre, pageSize, token, default);
            count += page.Items.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);
        return count;
    }

    private static string Json(Reintegration.Domain.Profile p) => System.Text.Json.JsonSerializer.Serialize(p, Reintegration.ReintegrationJsonContext.Default.Profile);
}
