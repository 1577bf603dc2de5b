using System.Text.RegularExpressions;
using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Demo.Tests;

public sealed partial class ValidityTests
{
    private static readonly ReferenceData Reference = ReferenceData.Shared;
    private static readonly DateOnly Today = DemoJson.Today;
    private static readonly string[] OriginCountries = ["TJ", "UZ", "KG", "AF"];

    /// <summary>±0.05°, and a hair more for binary floating point.</summary>
    private const double Jitter = 0.05 + 1e-9;

    [GeneratedRegex(@"^[A-Z][a-z]{0,3}\. [A-Z][a-z]{0,3}\.$")]
    private static partial Regex LatinInitials();

    private static IEnumerable<(DemoCentre Centre, Profile Profile)> ProfilesOf(DemoData data, int perCentre) =>
        data.Centres().SelectMany(c => data.Profiles(c, perCentre).Select(p => (c, p)));

    [Theory]
    [InlineData(2026, 2026, 11, 28)]
    [InlineData(1, 2028, 2, 29)]
    [InlineData(-17, 2027, 12, 31)]
    public void Profiles_AcrossTheCentres_PassValidation(int seed, int year, int month, int day)
    {
        var today = new DateOnly(year, month, day);
        var validator = new ProfileValidator(Reference);

        var invalid = ProfilesOf(new DemoData(Reference, seed, today), 500)
            .Select(x => (x.Profile.ExternalRef, Errors: validator.Validate(x.Profile, today).ToDictionary()))
            .Where(x => x.Errors.Count > 0)
            .Select(x => $"{x.ExternalRef}: {string.Join("; ", x.Errors.Select(e => $"{e.Key} {string.Join(' ', e.Value)}"))}")
            .ToList();

        Assert.Empty(invalid);
    }

    [Theory]
    [InlineData(2026, 2026, 11, 28)]
    [InlineData(1, 2028, 2, 29)]
    [InlineData(-17, 2027, 12, 31)]
    public void Openings_PassValidation(int seed, int year, int month, int day)
    {
        var today = new DateOnly(year, month, day);
        var validator = new OpeningValidator(Reference);

        var invalid = new DemoData(Reference, seed, today).Openings(5_000)
            .Select(o => (o.ExternalRef, Errors: validator.Validate(o, today, byCentre: true).ToDictionary()))
            .Where(x => x.Errors.Count > 0)
            .Select(x => $"{x.ExternalRef}: {string.Join("; ", x.Errors.Select(e => $"{e.Key} {string.Join(' ', e.Value)}"))}")
            .ToList();

        Assert.Empty(invalid);
    }

    [Fact]
    public void Openings_ExpireOnOrAfterToday()
    {
        Assert.All(DemoJson.ManyOpenings, o => Assert.True(o.ExpiresOn >= Today, $"{o.ExternalRef} expires on {o.ExpiresOn}"));
    }

    [Fact]
    public void Openings_StartWithinTheDocumentedWindow()
    {
        Assert.All(DemoJson.ManyOpenings.Where(o => o.StartDate is not null), o =>
            Assert.InRange(o.StartDate!.Value, Today, Today.AddDays(60)));
    }

    [Fact]
    public void Profiles_ExternalRefs_AreUniqueAndCarryTheCentreKey()
    {
        var profiles = DemoJson.ManyProfiles;

        Assert.Equal(profiles.Count, profiles.Select(x => x.Profile.ExternalRef).Distinct(StringComparer.Ordinal).Count());
        Assert.All(profiles, x => Assert.Matches($"^{x.Centre.Key}-2026-\\d{{6}}$", x.Profile.ExternalRef));
    }

    [Fact]
    public void Openings_ExternalRefs_AreUniqueAndCarryTheCountry()
    {
        var openings = DemoJson.ManyOpenings;

        Assert.Equal(openings.Count, openings.Select(o => o.ExternalRef).Distinct(StringComparer.Ordinal).Count());
        Assert.All(openings, o => Assert.Matches($"^DEMO-{o.Location.Country}-\\d{{6}}$", o.ExternalRef));
    }

    [Fact]
    public void Profiles_DisplayNames_AreLatinInitials()
    {
        Assert.All(DemoJson.ManyProfiles, x => Assert.Matches(LatinInitials(), x.Profile.DisplayName));
    }

    [Fact]
    public void Profiles_Returnees_LiveInTheirCitizenshipAndTheCentresCountry()
    {
        Assert.All(DemoJson.ManyProfiles.Where(x => x.Profile.Status == PersonStatus.ReturningMigrant), x =>
        {
            Assert.Equal(x.Centre.Country, x.Profile.Citizenship);
            Assert.Equal(x.Centre.Country, x.Profile.Home.Country);
            Assert.Empty(x.Profile.FledCountries);
            Assert.False(x.Profile.VoluntaryRepatriation);
        });
    }

    [Fact]
    public void Profiles_Refugees_AreAfghansHostedInTheCentresCountry()
    {
        var refugees = DemoJson.ManyProfiles.Where(x => x.Profile.Status == PersonStatus.Refugee).ToList();

        Assert.NotEmpty(refugees);
        Assert.All(refugees, x =>
        {
            Assert.Equal("AF", x.Profile.Citizenship);
            Assert.Equal(["AF"], x.Profile.FledCountries);
            Assert.Equal(x.Centre.Country, x.Profile.Home.Country);
            Assert.NotEqual("AF", x.Centre.Country);
        });
    }

    [Fact]
    public void Profiles_AfghanCentre_HasReturneesBannedByIranPakistanOrTurkey()
    {
        var afghan = DemoJson.ManyProfiles.Where(x => x.Centre.Country == "AF").Select(x => x.Profile).ToList();

        Assert.NotEmpty(afghan);
        Assert.All(afghan, p => Assert.Equal(PersonStatus.ReturningMigrant, p.Status));
        Assert.All(afghan.SelectMany(p => p.Bans), b => Assert.Contains(b.Country, new[] { "IR", "PK", "TR" }));
    }

    [Fact]
    public void Profiles_CentralAsianReturnees_AreBannedByRussiaKazakhstanOrTurkey()
    {
        var bans = DemoJson.ManyProfiles
            .Where(x => x.Centre.Country != "AF" && x.Profile.Status == PersonStatus.ReturningMigrant)
            .SelectMany(x => x.Profile.Bans).ToList();

        Assert.All(bans, b => Assert.Contains(b.Country, new[] { "RU", "KZ", "TR" }));
    }

    [Fact]
    public void Profiles_Bans_StartInThePastAndLastThreeFiveOrTenYearsOrNoEnd()
    {
        Assert.All(DemoJson.ManyProfiles.SelectMany(x => x.Profile.Bans), b =>
        {
            Assert.NotNull(b.From);
            Assert.True(b.From <= Today);
            if (b.Until is { } until)
            {
                Assert.Contains(until, new[] { 3, 5, 10 }.Select(y => b.From!.Value.AddYears(y)));
                Assert.NotEqual(Today, until);
            }
        });
    }

    [Fact]
    public void Profiles_Consent_IsGivenWithinTheLast90Days()
    {
        Assert.All(DemoJson.ManyProfiles, x =>
        {
            Assert.True(x.Profile.Consent.DataProcessing);
            Assert.InRange(x.Profile.Consent.GivenOn!.Value, Today.AddDays(-89), Today);
        });
    }

    [Fact]
    public void Profiles_MotherTongue_ComesFirstAtC2()
    {
        var expected = new Dictionary<string, string[]> { ["TJ"] = ["tg"], ["UZ"] = ["uz"], ["KG"] = ["ky"], ["AF"] = ["fa", "ps"] };

        Assert.All(DemoJson.ManyProfiles, x =>
        {
            var first = x.Profile.Languages[0];
            Assert.Contains(first.Code, expected[x.Profile.Citizenship]);
            Assert.Equal("C2", first.Level);
        });
    }

    [Fact]
    public void Profiles_Drivers_HoldTheirLicence()
    {
        var required = new Dictionary<string, string> { ["8322"] = "driving:B", ["8331"] = "driving:D", ["8332"] = "driving:C" };

        Assert.All(DemoJson.ManyProfiles.Select(x => x.Profile), p =>
        {
            foreach (var occupation in p.Occupations.Where(o => required.ContainsKey(o.Isco)))
            {
                Assert.Contains(required[occupation.Isco], p.Licences);
            }
        });
    }

    [Fact]
    public void Profiles_Homes_AreNearAPlaceOfTheirCountry()
    {
        Assert.All(DemoJson.ManyProfiles.Select(x => x.Profile.Home), home =>
        {
            var place = Reference.Places.Find(home.Country, home.City);
            Assert.NotNull(place);
            Assert.True(Math.Abs(home.Lat!.Value - place.Lat) <= Jitter && Math.Abs(home.Lon!.Value - place.Lon) <= Jitter, $"{home} is not near {place}.");
        });
    }

    [Fact]
    public void Profiles_MinimumWage_IsInTheHomeCurrencyWithinTheDocumentedRange()
    {
        Assert.All(DemoJson.ManyProfiles.Select(x => x.Profile).Where(p => p.MinMonthlyWage is not null), p =>
        {
            var range = DemoJson.At($"profiles.minMonthlyWage.byHomeCountry.{p.Home.Country}");
            Assert.Equal(range.GetProperty("currency").GetString(), p.MinMonthlyWage!.Currency);
            Assert.InRange(p.MinMonthlyWage.Amount, range.GetProperty("min").GetDecimal(), range.GetProperty("max").GetDecimal());
        });
    }

    [Fact]
    public void Profiles_RelocationCountries_NeverIncludeHome()
    {
        Assert.All(DemoJson.ManyProfiles.Select(x => x.Profile), p =>
        {
            Assert.DoesNotContain(p.Home.Country, p.Relocation.Countries);
            Assert.True(p.Relocation.Willing || p.Relocation.Countries.Count == 0);
        });
    }

    [Fact]
    public void Openings_Titles_ComeFromDemoTitlesForTheirIsco()
    {
        var titles = DemoJson.ManyOpenings.Select(o => o.Isco).Distinct()
            .ToDictionary(isco => isco, isco => DemoJson.Titles(isco).Select(t => t.ToUpperInvariant()).ToHashSet());

        Assert.All(DemoJson.ManyOpenings, o => Assert.Contains(o.Title.ToUpperInvariant(), titles[o.Isco]));
    }

    [Fact]
    public void Openings_Wages_AreInTheLocalCurrencyWithinTheDocumentedRange()
    {
        Assert.All(DemoJson.ManyOpenings.Where(o => o.MonthlyWage is not null), o =>
        {
            var range = DemoJson.At($"openings.wages.byCountry.{o.Location.Country}");
            Assert.Equal(range.GetProperty("currency").GetString(), o.MonthlyWage!.Currency);
            Assert.InRange(o.MonthlyWage.Min, range.GetProperty("min").GetDecimal(), o.MonthlyWage.Max);
            Assert.InRange(o.MonthlyWage.Max, o.MonthlyWage.Min, range.GetProperty("max").GetDecimal());
        });
    }

    [Fact]
    public void Openings_ForDrivers_RequireTheirLicence()
    {
        var required = new Dictionary<string, string> { ["8322"] = "driving:B", ["8331"] = "driving:D", ["8332"] = "driving:C" };

        Assert.All(DemoJson.ManyOpenings.Where(o => required.ContainsKey(o.Isco)), o => Assert.Contains(required[o.Isco], o.Licences));
    }

    [Fact]
    public void Openings_PositionsAreMostlyOneToFive()
    {
        var openings = DemoJson.ManyOpenings;

        Assert.All(openings, o => Assert.InRange(o.Positions, 1, 20));
        Assert.True(openings.Count(o => o.Positions <= 5) > 0.85 * openings.Count);
    }

    [Fact]
    public void Centres_AreTheFourOfDemoJsonWithTheirRegionFromPlaces()
    {
        var centres = new DemoData(Reference, 1, Today).Centres();

        Assert.Equal(OriginCountries, centres.Select(c => c.Country));
        Assert.Equal(DemoJson.At("centres").EnumerateArray().Select(c => c.GetProperty("key").GetString()), centres.Select(c => c.Key));
        Assert.All(centres, c =>
        {
            Assert.Equal(Reference.Places.Find(c.Country, c.City)!.Region, c.Region);
            Assert.Contains(c.Language, Words.Codes);
            Assert.Equal("", c.WebhookUrl);
        });
        Assert.Equal("en", centres.Single(c => c.Country == "AF").Language);
    }

    [Fact]
    public void DemoJson_NamesItsSourcesAndDate()
    {
        Assert.True(DemoJson.At("sources").GetArrayLength() >= 3);
        Assert.Equal("2026-11-01", DemoJson.At("asOf").GetString());
    }
}
