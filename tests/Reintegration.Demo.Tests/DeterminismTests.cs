using System.Text.Json;
using Reintegration.Reference;

namespace Reintegration.Demo.Tests;

public sealed class DeterminismTests
{
    private static readonly DateOnly Today = DemoJson.Today;

    private static string ProfilesJson(DemoData data, DemoCentre centre, int count) =>
        string.Join('\n', data.Profiles(centre, count).Select(p => JsonSerializer.Serialize(p, ReintegrationJsonContext.Default.Profile)));

    private static string OpeningsJson(DemoData data, int count) =>
        string.Join('\n', data.Openings(count).Select(o => JsonSerializer.Serialize(o, ReintegrationJsonContext.Default.Opening)));

    [Fact]
    public void Profiles_SameSeed_GiveTheSameData()
    {
        var first = new DemoData(ReferenceData.Shared, 7, Today);
        var second = new DemoData(ReferenceData.Shared, 7, Today);

        foreach (var centre in first.Centres())
        {
            Assert.Equal(ProfilesJson(first, centre, 300), ProfilesJson(second, centre, 300));
        }
    }

    [Fact]
    public void Openings_SameSeed_GiveTheSameData()
    {
        var first = new DemoData(ReferenceData.Shared, 7, Today);
        var second = new DemoData(ReferenceData.Shared, 7, Today);

        Assert.Equal(OpeningsJson(first, 1_000), OpeningsJson(second, 1_000));
    }

    [Fact]
    public void Profiles_SameInstanceCalledTwice_GiveTheSameData()
    {
        var data = new DemoData(ReferenceData.Shared, 11, Today);
        var centre = data.Centres()[0];

        Assert.Equal(ProfilesJson(data, centre, 200), ProfilesJson(data, centre, 200));
    }

    [Fact]
    public void Profiles_DifferentSeeds_Differ()
    {
        var first = new DemoData(ReferenceData.Shared, 1, Today);
        var second = new DemoData(ReferenceData.Shared, 2, Today);

        foreach (var centre in first.Centres())
        {
            Assert.NotEqual(ProfilesJson(first, centre, 50), ProfilesJson(second, centre, 50));
        }
    }

    [Fact]
    public void Openings_DifferentSeeds_Differ()
    {
        var first = new DemoData(ReferenceData.Shared, 1, Today);
        var second = new DemoData(ReferenceData.Shared, 2, Today);

        Assert.NotEqual(OpeningsJson(first, 50), OpeningsJson(second, 50));
    }

    [Fact]
    public void Profiles_DifferentCentres_DrawDifferentPeople()
    {
        var data = new DemoData(ReferenceData.Shared, 3, Today);
        var centres = data.Centres();

        var firstSkills = centres.Select(c => string.Join('|', data.Profiles(c, 20).SelectMany(p => p.Skills))).ToList();

        Assert.Equal(firstSkills.Count, firstSkills.Distinct().Count());
    }

    [Fact]
    public void Profiles_AfterOpenings_AreTheSameAsBefore()
    {
        var fresh = new DemoData(ReferenceData.Shared, 5, Today);
        var used = new DemoData(ReferenceData.Shared, 5, Today);
        var centre = fresh.Centres()[2];

        _ = used.Openings(500);
        _ = used.Profiles(used.Centres()[0], 100);

        Assert.Equal(ProfilesJson(fresh, centre, 200), ProfilesJson(used, centre, 200));
    }

    [Fact]
    public void Openings_AfterProfiles_AreTheSameAsBefore()
    {
        var fresh = new DemoData(ReferenceData.Shared, 5, Today);
        var used = new DemoData(ReferenceData.Shared, 5, Today);

        foreach (var centre in used.Centres())
        {
            _ = used.Profiles(centre, 100);
        }

        Assert.Equal(OpeningsJson(fresh, 500), OpeningsJson(used, 500));
    }

    [Fact]
    public void Profiles_FewerRequested_AreAPrefixOfMore()
    {
        var data = new DemoData(ReferenceData.Shared, 9, Today);
        var centre = data.Centres()[1];

        var more = data.Profiles(centre, 100).Select(p => JsonSerializer.Serialize(p, ReintegrationJsonContext.Default.Profile)).ToList();
        var fewer = data.Profiles(centre, 30).Select(p => JsonSerializer.Serialize(p, ReintegrationJsonContext.Default.Profile)).ToList();

        Assert.Equal(more.Take(30), fewer);
    }

    [Fact]
    public void Openings_FewerRequested_AreAPrefixOfMore()
    {
        var data = new DemoData(ReferenceData.Shared, 9, Today);

        var more = data.Openings(100).Select(o => JsonSerializer.Serialize(o, ReintegrationJsonContext.Default.Opening)).ToList();
        var fewer = data.Openings(30).Select(o => JsonSerializer.Serialize(o, ReintegrationJsonContext.Default.Opening)).ToList();

        Assert.Equal(more.Take(30), fewer);
    }

    [Fact]
    public void Profiles_ZeroRequested_AreEmpty()
    {
        var data = new DemoData(ReferenceData.Shared, 9, Today);

        Assert.Empty(data.Profiles(data.Centres()[0], 0));
        Assert.Empty(data.Openings(0));
    }

    [Fact]
    public void Profiles_NegativeCount_Throws()
    {
        var data = new DemoData(ReferenceData.Shared, 9, Today);

        Assert.Throws<ArgumentOutOfRangeException>(() => data.Profiles(data.Centres()[0], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Openings(-1));
    }

    [Fact]
    public void Profiles_CentreInACountryDemoJsonDoesNotDescribe_Throws()
    {
        var data = new DemoData(ReferenceData.Shared, 9, Today);
        var elsewhere = new DemoCentre("MSK", "Moscow Centre", "RU", "Moscow", "Moscow", "ru");

        Assert.Throws<ArgumentException>(() => data.Profiles(elsewhere, 1));
    }
}
