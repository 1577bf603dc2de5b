using CsCheck;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Tests.Reference;

public sealed class SeedTests
{
    private static readonly ReferenceData Reference = ReferenceData.Shared;
    private static readonly string[] Eaeu = ["AM", "BY", "KG", "KZ", "RU"];

    [Fact]
    public void Occupations_CodesEqualIscoSourceExactly()
    {
        var source = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "isco08-groups-en.csv"))
            .Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToList();

        Assert.Equal(619, Reference.Occupations.All.Count);
        Assert.Equal(source, Reference.Occupations.All.Select(o => o.Code));
    }

    [Fact]
    public void Occupations_CountPerLevel_Is10Major43SubMajor130Minor436Unit()
    {
        var perLevel = Reference.Occupations.All.GroupBy(o => o.Level).OrderBy(g => g.Key).Select(g => g.Count());

        Assert.Equal([10, 43, 130, 436], perLevel);
        Assert.All(Reference.Occupations.All, o => Assert.Equal(o.Level, o.Code.Length));
    }

    [Fact]
    public void Occupations_EveryGroupHasCyrillicRussianTitle()
    {
        Assert.All(Reference.Occupations.All, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.TitleRu), o.Code);
            Assert.Contains(o.TitleRu, c => c is >= 'А' and <= 'я' or 'ё' or 'Ё');
            Assert.DoesNotContain(o.TitleRu, c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');
            Assert.False(string.IsNullOrWhiteSpace(o.TitleEn), o.Code);
        });
    }

    [Fact]
    public void Occupations_CommittedSourceCopy_EqualsSharedData()
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "isco08-groups-en.csv"));
        if (File.Exists(shared))
        {
            Assert.Equal(File.ReadAllText(shared), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "isco08-groups-en.csv")));
        }
    }

    [Fact]
    public void Mobility_EveryCountryHasARowForEveryOther()
    {
        var countries = Reference.Countries.Regional.Select(c => c.Code).ToList();

        var pairs = Reference.Mobility.All.Select(r => (r.Citizenship, r.Destination)).ToList();

        Assert.Equal(countries.Count * countries.Count, pairs.Count);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        foreach (var from in countries)
        {
            foreach (var to in countries)
            {
                Assert.Contains((from, to), pairs);
            }
        }
    }

    [Fact]
    public void Mobility_EaeuPairsAreFreeMovementAndNoOthers()
    {
        foreach (var regime in Reference.Mobility.All.Where(r => r.Citizenship != r.Destination))
        {
            var bothEaeu = Eaeu.Contains(regime.Citizenship) && Eaeu.Contains(regime.Destination);
            Assert.Equal(bothEaeu, regime.Pathway == Pathway.FreeMovement);
        }
    }

    [Fact]
    public void Mobility_DomesticExactlyOnTheDiagonal() =>
        Assert.All(Reference.Mobility.All, r => Assert.Equal(r.Citizenship == r.Destination, r.Pathway == Pathway.Domestic));

    [Theory]
    [InlineData("TJ", "RU", Pathway.WorkPermit)]
    [InlineData("UZ", "KZ", Pathway.WorkPermit)]
    [InlineData("KG", "KZ", Pathway.FreeMovement)]
    [InlineData("AF", "KZ", Pathway.VisaAndPermit)]
    public void Mobility_KnownPairs_HaveTheirPathway(string citizenship, string destination, Pathway expected) =>
        Assert.Equal(expected, Reference.Mobility.Find(citizenship, destination).Pathway);

    [Fact]
    public void BanAreas_RussiaAndBelarusShareOne()
    {
        Assert.Equal(["BY", "RU"], Reference.BanAreas.CountriesBarredBy("RU"));
        Assert.Equal(["BY", "RU"], Reference.BanAreas.CountriesBarredBy("BY"));
        Assert.Equal(["KZ"], Reference.BanAreas.CountriesBarredBy("KZ"));
    }

    [Fact]
    public void Countries_RegionalStates_HaveCurrencyCapitalAndPlaces()
    {
        Assert.Superset(
            new HashSet<string> { "AF", "AZ", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM", "RU", "BY", "UZ", "AM", "CN" },
            Reference.Countries.Regional.Select(c => c.Code).ToHashSet());
        Assert.All(Reference.Countries.Regional, c =>
        {
            Assert.NotNull(Reference.Currencies.Find(c.Currency));
            Assert.InRange(c.Capital.Lat, -90, 90);
            Assert.InRange(c.Capital.Lon, -180, 180);
            Assert.Contains(Reference.Places.InCountry(c.Code), p => p.NameEn == c.Capital.NameEn);
            Assert.All(c.Languages, l => Assert.NotNull(Reference.Languages.Find(l)));
        });
    }

    [Fact]
    public void Countries_IsoList_HasEveryAssignedCode()
    {
        Assert.Equal(249, Reference.Countries.IsoCount);
        Assert.True(Reference.Countries.IsIsoCode("AE"));
        Assert.False(Reference.Countries.IsIsoCode("XX"));
    }

    [Fact]
    public void Currencies_UsdIsOneAndRatesPositive()
    {
        Assert.Equal(1m, Reference.Currencies.Find("USD")!.UnitsPerUsd);
        Assert.All(Reference.Currencies.All, c => Assert.True(c.UnitsPerUsd > 0, c.Code));
        Assert.Equal(100m, Reference.Currencies.ToUsd(100m, "USD"));
    }

    [Fact]
    public void Places_LookUpByEnglishOrRussianName()
    {
        Assert.Equal("Sughd Region", Reference.Places.Find("TJ", "khujand")?.Region);
        Assert.Equal(Reference.Places.Find("TJ", "Khujand"), Reference.Places.Find("TJ", "Худжанд"));
        Assert.Null(Reference.Places.Find("KZ", "Khujand"));
    }

    [Fact]
    public void Places_RegionAtEachPlacesOwnPoint_IsTheRegionTheNearestPlaceSearchGives()
    {
        // A place's own point is answered from a table; a point a hair away goes through the search of the nearest place.
        Assert.All(Reference.Places.All, p =>
            Assert.Equal(Reference.Places.RegionIdAt(p.Country, p.Lat + 1e-9, p.Lon), Reference.Places.RegionIdAt(p.Country, p.Lat, p.Lon)));
        Assert.NotEqual(Reference.Places.RegionIdAt("TJ", 38.5598, 68.7870), Reference.Places.RegionIdAt("TJ", 40.2826, 69.6222));
    }

    /// <summary>The nearest place is the first of the nearest in file order, as a search of the country's places in turn gives it.</summary>
    [Fact]
    public void Places_Nearest_IsTheFirstOfTheNearestInFileOrder() =>
        (from country in Gen.OneOf(Reference.Places.All.Select(p => p.Country).Distinct().ToArray())
         from lat in Gen.Double[30, 56]
         from lon in Gen.Double[40, 90]
         select (country, lat, lon)).Sample((country, lat, lon) =>
            Reference.Places.Nearest(country, lat, lon)
                == Reference.Places.InCountry(country).MinBy(p => Geo.DistanceKm(lat, lon, p.Lat, p.Lon)));

    [Fact]
    public void Places_Nearest_InACountryWithoutPlaces_IsNone() => Assert.Null(Reference.Places.Nearest("XX", 40, 70));

    [Fact]
    public void Places_Nearest_OfTwoPlacesAtOnePoint_IsTheFirst()
    {
        var places = new Places([new Place("TJ", "A", "А", "R1", 38, 68, 1), new Place("TJ", "B", "Б", "R2", 38, 68, 2)]);

        Assert.Equal("A", places.Nearest("TJ", 39, 69)?.NameEn);
    }

    [Fact]
    public void Geo_DistanceDushanbeToKhujand_IsAbout205Km() =>
        Assert.InRange(Geo.DistanceKm(38.5598, 68.7870, 40.2826, 69.6222), 195, 215);

    [Fact]
    public void Languages_Iso6391_HasTheRegionsLanguages()
    {
        Assert.InRange(Reference.Languages.All.Count, 183, 185);
        foreach (var code in new[] { "ru", "tg", "uz", "ky", "kk", "tk", "ps", "fa", "tr", "en", "az", "hy" })
        {
            Assert.NotNull(Reference.Languages.Find(code));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reintegration.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
