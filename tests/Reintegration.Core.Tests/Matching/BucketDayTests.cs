using Reintegration.Matching.Index;

namespace Reintegration.Tests.Matching;

/// <summary>A bucket's counts for the day are built by the first query of the day and shared by the rest.</summary>
public sealed class BucketDayTests
{
    [Fact]
    public void For_TheDayAlreadyCounted_IsTheCachedCount_AnotherDayIsCountedAfreshAndCached()
    {
        var openings = new[] { Build.Opening("kz-1", "KZ", "Almaty", o => o with { ExpiresOn = Samples.Today }) }.Select(Build.Engine.Compile).ToArray();
        var keys = Array.ConvertAll(openings, OpeningKey.Of);
        var today = Samples.Today.DayNumber;
        BucketDay? cached = null;

        var first = BucketDay.For(ref cached, keys, openings, [], today);
        var again = BucketDay.For(ref cached, keys, openings, [], today);
        var tomorrow = BucketDay.For(ref cached, keys, openings, [], today + 1);

        Assert.Same(first, again);
        Assert.Same(tomorrow, cached);
        Assert.Equal((0, 1), (first.Closed, tomorrow.Closed));
    }
}
