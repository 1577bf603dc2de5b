using Reintegration.Domain;

namespace Reintegration.Demo.Tests;

/// <summary>
/// The mix of a large sample (24,000 profiles, 60,000 openings) against the proportions of demo.json.
/// Tolerances are about four standard errors wide or more, so a correct generator passes with practically any
/// seed (checked over 25 seeds), not only with the one used here.
/// </summary>
public sealed class ProportionTests
{
    private const double Tolerance = 0.02;

    private static readonly DateOnly Today = DemoJson.Today;

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? double.NaN : items.Count(predicate) / (double)items.Count;

    private static void Near(double expected, double actual, double tolerance = Tolerance, string what = "") =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:0.###} ± {tolerance}, got {actual:0.###}.");

    private static List<Profile> Profiles(Func<DemoCentre, Profile, bool> where) =>
        DemoJson.ManyProfiles.Where(x => where(x.Centre, x.Profile)).Select(x => x.Profile).ToList();

    [Fact]
    public void Profiles_RefugeeShare_MatchesDemoJsonPerCentre()
    {
        foreach (var country in new[] { "TJ", "UZ", "KG", "AF" })
        {
            var caseload = Profiles((c, _) => c.Country == country);

            Near(DemoJson.Number($"profiles.refugeeShare.{country}"), Share(caseload, p => p.Status == PersonStatus.Refugee), what: country);
        }
    }

    [Fact]
    public void Profiles_VoluntaryRepatriationShareOfRefugees_MatchesDemoJson()
    {
        var refugees = Profiles((_, p) => p.Status == PersonStatus.Refugee);

        Near(DemoJson.Number("profiles.refugees.voluntaryRepatriationShare"), Share(refugees, p => p.VoluntaryRepatriation), 0.03);
    }

    [Fact]
    public void Profiles_BanShareOfReturnees_MatchesDemoJson()
    {
        var returnees = Profiles((_, p) => p.Status == PersonStatus.ReturningMigrant);

        Near(DemoJson.Number("profiles.returnees.banShare"), Share(returnees, p => p.Bans.Count > 0));
    }

    [Fact]
    public void Profiles_RefugeesMostlyHaveNoBan()
    {
        var refugees = Profiles((_, p) => p.Status == PersonStatus.Refugee);

        Near(DemoJson.Number("profiles.refugees.banShare"), Share(refugees, p => p.Bans.Count > 0));
    }

    [Theory]
    [InlineData("TJ")]
    [InlineData("UZ")]
    [InlineData("KG")]
    [InlineData("AF")]
    public void Profiles_BanIssuerMix_MatchesDemoJson(string citizenship)
    {
        var bans = Profiles((c, p) => c.Country == citizenship && p.Status == PersonStatus.ReturningMigrant).SelectMany(p => p.Bans).ToList();

        foreach (var (issuer, expected) in DemoJson.Shares($"profiles.returnees.banIssuers.{citizenship}"))
        {
            Near(expected, Share(bans, b => b.Country == issuer), 0.03, $"{citizenship} banned by {issuer}");
        }
    }

    [Fact]
    public void Profiles_OpenEndedAndExpiredBanShares_MatchDemoJson()
    {
        var bans = DemoJson.ManyProfiles.SelectMany(x => x.Profile.Bans).ToList();

        Near(DemoJson.Number("profiles.bans.openEndedShare"), Share(bans, b => b.Until is null), what: "open-ended");
        Near(DemoJson.Number("profiles.bans.expiredShare"), Share(bans, b => b.Until <= Today), what: "expired");
    }

    [Fact]
    public void Profiles_BanLengthMix_MatchesDemoJson()
    {
        var fixedTerm = DemoJson.ManyProfiles.SelectMany(x => x.Profile.Bans).Where(b => b.Until is not null).ToList();

        foreach (var (years, expected) in DemoJson.Shares("profiles.bans.years"))
        {
            var y = int.Parse(years, System.Globalization.CultureInfo.InvariantCulture);
            Near(expected, Share(fixedTerm, b => b.From!.Value.AddYears(y) == b.Until), what: $"{years} years");
        }
    }

    [Fact]
    public void Profiles_PrimaryOccupations_FollowTheWeights()
    {
        var profiles = DemoJson.ManyProfiles.Select(x => x.Profile).ToList();

        foreach (var (isco, expected) in DemoJson.Shares("occupations"))
        {
            Near(expected, Share(profiles, p => p.Occupations[0].Isco == isco), 0.015, isco);
        }
    }

    [Fact]
    public void Profiles_WillingToRelocateShare_MatchesDemoJson()
    {
        var profiles = DemoJson.ManyProfiles.Select(x => x.Profile).ToList();
        var willing = profiles.Where(p => p.Relocation.Willing).ToList();

        Near(DemoJson.Number("profiles.relocation.willingShare"), Share(profiles, p => p.Relocation.Willing));
        Near(DemoJson.Number("profiles.relocation.specificCountriesShare"), Share(willing, p => p.Relocation.Countries.Count > 0));
    }

    [Fact]
    public void Profiles_MinimumWageShare_MatchesDemoJson()
    {
        var profiles = DemoJson.ManyProfiles.Select(x => x.Profile).ToList();

        Near(DemoJson.Number("profiles.minMonthlyWage.share"), Share(profiles, p => p.MinMonthlyWage is not null));
    }

    [Fact]
    public void Profiles_RussianIsRareAmongAfghanReturnees()
    {
        var afghans = Profiles((c, p) => c.Country == "AF");
        var expected = DemoJson.Shares("profiles.russianLevels.byCitizenship.AF")["none"];

        Near(expected, Share(afghans, p => p.Languages.All(l => l.Code != "ru")), what: "Afghans without Russian");
    }

    [Fact]
    public void Openings_CountryMix_FollowsTheWeights()
    {
        var openings = DemoJson.ManyOpenings;

        foreach (var (country, expected) in DemoJson.Shares("openings.countries"))
        {
            Near(expected, Share(openings, o => o.Location.Country == country), 0.01, country);
        }
    }

    [Fact]
    public void Openings_Occupations_FollowTheWeights()
    {
        var openings = DemoJson.ManyOpenings;

        foreach (var (isco, expected) in DemoJson.Shares("occupations"))
        {
            Near(expected, Share(openings, o => o.Isco == isco), 0.01, isco);
        }
    }

    [Fact]
    public void Openings_Flags_MatchDemoJson()
    {
        var openings = DemoJson.ManyOpenings;
        var origin = new[] { "TJ", "UZ", "KG", "AF" };

        Near(DemoJson.Number("openings.acceptsRefugeesShare"), Share(openings, o => o.AcceptsRefugees == true), what: "acceptsRefugees");
        Near(DemoJson.Number("openings.housingProvidedShare"), Share(openings, o => o.HousingProvided), what: "housingProvided");
        Near(DemoJson.Number("openings.permitSponsorshipShare.foreign"),
            Share(openings.Where(o => !origin.Contains(o.Location.Country)).ToList(), o => o.PermitSponsorship), what: "permitSponsorship abroad");
        Near(DemoJson.Number("openings.startDate.share"), Share(openings, o => o.StartDate is not null), what: "startDate");
        Near(DemoJson.Number("openings.wages.share"), Share(openings, o => o.MonthlyWage is not null), what: "monthlyWage");
    }

    [Fact]
    public void Openings_InRussia_OftenRequireRussianB1()
    {
        var russian = DemoJson.ManyOpenings.Where(o => o.Location.Country == "RU").ToList();

        Near(0.7, Share(russian, o => o.Languages.Any(l => l is { Code: "ru", Level: "B1" })), 0.03);
    }
}
