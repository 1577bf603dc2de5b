using System.Diagnostics;
using Reintegration.Reference;
using Xunit.Abstractions;

namespace Reintegration.Demo.Tests;

public sealed class PerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Openings_HundredThousand_TakeAFewSeconds()
    {
        var data = new DemoData(ReferenceData.Shared, 100, DemoJson.Today);
        _ = data.Openings(100);

        var watch = Stopwatch.StartNew();
        var openings = data.Openings(100_000);
        watch.Stop();

        output.WriteLine($"100,000 openings in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(100_000, openings.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"100,000 openings took {watch.Elapsed}.");
    }
}
