using Reintegration.Matching;
using Reintegration.Matching.Index;

namespace Reintegration.Tests.Matching;

public sealed class IndexConcurrencyTests
{
    [Fact]
    public async Task MatchAndListings_WhileBatchesSwapOpenings_NeverSeeAHalfAppliedBatch()
    {
        // Each batch removes one generation of ten openings and adds the next: a reader must see exactly ten.
        // Counted, not timed: the writer goes on until the readers have matched often enough while it writes.
        const int ReadsWhileWriting = 400;
        const int MinGenerations = 200;
        var index = new OpeningIndex(Build.Engine);
        OpeningListing[] Generation(int g) => Enumerable.Range(0, 10).Select(i => Build.Opening($"g{g}-{i}", "KZ", "Almaty")).ToArray();
        index.Apply(Generation(0));
        var reads = 0;
        var writing = true;
        var readerFailed = false;
        var generations = 0;

        // Dedicated threads: on two cores the thread pool would start them too late to overlap.
        var writer = Task.Factory.StartNew(() =>
        {
            // A reader that failed stops the writer too: it would otherwise wait for reads that never come.
            for (var g = 1; (g <= MinGenerations || Volatile.Read(ref reads) < ReadsWhileWriting) && !Volatile.Read(ref readerFailed); g++)
            {
                index.Apply(Generation(g), Generation(g - 1).Select(o => o.Id));
                generations = g;
            }

            Volatile.Write(ref writing, false);
        }, TaskCreationOptions.LongRunning);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            var generationsSeen = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                Read(generationsSeen);
            }
            catch
            {
                Volatile.Write(ref readerFailed, true);
                throw;
            }

            return generationsSeen.Count;
        }, TaskCreationOptions.LongRunning)).ToArray();

        void Read(HashSet<string> generationsSeen)
        {
            while (Volatile.Read(ref writing))
            {
                var result = index.Match(Build.Welder(), Build.Query(top: 20));
                Assert.Equal(10, result.Matches.Count);
                generationsSeen.Add(Assert.Single(result.Matches.Select(m => m.OpeningId.Split('-')[0]).Distinct()));
                // The openings by id too: a change builds its own copies of the id maps it edits, never the published ones.
                var listed = index.Listings();
                Assert.Equal(10, listed.Count);
                Assert.Single(listed.Select(l => l.Id.Split('-')[0]).Distinct());
                Interlocked.Increment(ref reads);
            }
        }

        await writer;
        var seen = await Task.WhenAll(readers);

        Assert.True(reads >= ReadsWhileWriting);
        Assert.True(generations >= MinGenerations);
        // The readers saw the batches change under them, so the check above ran while writes were under way.
        Assert.True(seen.Sum() > 2, $"the readers saw {seen.Sum()} generations in all");
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
