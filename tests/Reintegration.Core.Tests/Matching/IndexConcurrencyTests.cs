using Reintegration.Matching;
using Reintegration.Matching.Index;

namespace Reintegration.Tests.Matching;

public sealed class IndexConcurrencyTests
{
    [Fact]
    public async Task Match_WhileBatchesSwapOpenings_NeverSeesAHalfAppliedBatch()
    {
        // Each batch removes one generation of ten openings and adds the next: a reader must see exactly ten.
        var index = new OpeningIndex(Build.Engine);
        OpeningListing[] Generation(int g) => Enumerable.Range(0, 10).Select(i => Build.Opening($"g{g}-{i}", "KZ", "Almaty")).ToArray();
        index.Apply(Generation(0));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        // Dedicated threads: on two cores the thread pool would start them too late to overlap.
        var writer = Task.Factory.StartNew(() =>
        {
            for (var g = 1; !stop.IsCancellationRequested; g++)
            {
                index.Apply(Generation(g), Generation(g - 1).Select(o => o.Id));
            }
        }, TaskCreationOptions.LongRunning);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            var seen = 0;
            while (!stop.IsCancellationRequested)
            {
                var result = index.Match(Build.Welder(), Build.Query(top: 20));
                Assert.Equal(10, result.Matches.Count);
                Assert.Single(result.Matches.Select(m => m.OpeningId.Split('-')[0]).Distinct());
                seen++;
            }

            return seen;
        }, TaskCreationOptions.LongRunning)).ToArray();

        await writer;
        Assert.All(await Task.WhenAll(readers), seen => Assert.True(seen > 0));
    }

    [Fact]
    public void Apply_UpsertOfAnExistingId_ReplacesIt()
    {
        var index = new OpeningIndex(Build.Engine);
        index.Upsert(Build.Opening("kz-1", "KZ", "Almaty"));

        index.Upsert(Build.Opening("kz-1", "KZ", "Almaty", o => o with { Title = "Senior welder" }));

        Assert.Equal(1, index.Count);
        Assert.Equal("Senior welder", index.Match(Build.Welder(), Build.Query()).Matches.Single().Title);
    }

    [Fact]
    public void Remove_UnknownId_ChangesNothing()
    {
        var index = new OpeningIndex(Build.Engine);
        index.Upsert(Build.Opening("kz-1", "KZ", "Almaty"));

        index.Remove("nope");

        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Upsert_MovingAnOpeningToAnotherCountry_LeavesNoCopyBehind()
    {
        var index = new OpeningIndex(Build.Engine);
        index.Upsert(Build.Opening("o-1", "KZ", "Almaty"));

        index.Upsert(Build.Opening("o-1", "KG", "Bishkek"));

        Assert.Equal(["KG"], index.Match(Build.Welder(), Build.Query()).Matches.Select(m => m.Country));
    }
}
