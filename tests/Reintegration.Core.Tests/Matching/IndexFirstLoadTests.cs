using Reintegration.Matching.Index;

namespace Reintegration.Tests.Matching;

/// <summary>An empty index's first load is built at once (OpeningIndex.Build), not change by change: the same index either way.</summary>
public sealed class IndexFirstLoadTests
{
    [Fact]
    public void FirstLoad_AnIdTwice_HoldsTheLastOnce()
    {
        var index = new OpeningIndex(Build.Engine);
        var last = Build.Opening("kz-1", "KZ", "Astana");

        index.Apply([Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("kz-2", "KZ", "Almaty"), last]);

        Assert.Equal(2, index.Count);
        Assert.Same(last, index.Find("kz-1"));
        Assert.Equal(["kz-1", "kz-2"], index.Listings().Select(l => l.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FirstLoad_AnIdTwice_MatchesItsLastVersionAlone()
    {
        var index = new OpeningIndex(Build.Engine);

        // The first version is in the welder's field, the last (a driver's) is not.
        index.Apply([Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("kz-1", "KZ", "Almaty", o => o with { Isco = "8322" })]);

        Assert.Empty(index.Match(Build.Welder(), Build.Query()).Matches);
    }

    [Fact]
    public void FirstLoad_ThenChanges_MatchesAsAnIndexBuiltChangeByChange()
    {
        var openings = new[] { ("kz-1", "Almaty"), ("kz-2", "Astana"), ("kz-3", "Almaty"), ("kz-4", "Shymkent") }
            .Select(o => Build.Opening(o.Item1, "KZ", o.Item2)).ToList();
        var atOnce = new OpeningIndex(Build.Engine);
        var oneByOne = new OpeningIndex(Build.Engine);

        atOnce.Apply(openings);
        atOnce.Apply([], ["kz-2"]);
        foreach (var opening in openings)
        {
            oneByOne.Upsert(opening);
        }

        oneByOne.Remove("kz-2");
        Build.AssertSame(oneByOne.Match(Build.Welder(), Build.Query()), atOnce.Match(Build.Welder(), Build.Query()));
        Assert.Equal(3, atOnce.Count);
    }
}
