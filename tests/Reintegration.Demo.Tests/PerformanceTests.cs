using System.Diagnostics;
using Reintegration.Reference;
using Xunit.Abstractions;

namespace Reintegration.Demo.Tests;

/// <summary>
/// The benchmarks' scale, generated: every opening distinct. How long it takes is printed, not
/// asserted (a loaded machine makes a time bound either flaky or meaningless; the benchmark
/// harness measures speed).
/// </summary>
public sealed class PerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Openings_HundredThousand_AreAllGenerated_EachWithItsOwnReference()
    {
        var data = new DemoData(ReferenceData.Shared, 100, DemoJson.Today);

        var watch = Stopwatch.StartNew();
        var openings = data.Openings(100_000);
        output.WriteLine($"100,000 openings in {watch.ElapsedMilliseconds} ms");

        Assert.Equal(100_000, openings.Count);
        Assert.Equal(100_000, openings.Select(o => o.ExternalRef).Distinct(StringComparer.Ordinal).Count());
    }
}
