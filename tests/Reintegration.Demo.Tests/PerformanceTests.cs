using Reintegration.Reference;

namespace Reintegration.Demo.Tests;

/// <summary>
/// The benchmarks' scale, generated: every opening distinct. How long it takes is not checked here
/// (a loaded machine makes a time bound either flaky or meaningless); the benchmark harness measures speed.
/// </summary>
public sealed class PerformanceTests
{
    [Fact]
    public void Openings_HundredThousand_AreAllGenerated_EachWithItsOwnReference()
    {
        var data = new DemoData(ReferenceData.Shared, 100, DemoJson.Today);

        var openings = data.Openings(100_000);

        Assert.Equal(100_000, openings.Count);
        Assert.Equal(100_000, openings.Select(o => o.ExternalRef).Distinct(StringComparer.Ordinal).Count());
    }
}
