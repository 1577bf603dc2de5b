using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Tests.Matching;

/// <summary>
/// The index counts exclusions from each bucket's counts for the day (a ban's openings by their start
/// days, licences by the set asked for), not opening by opening: each count as the full scan makes it.
/// </summary>
public sealed class IndexExclusionCountTests
{
    private static readonly DateOnly BanFrom = new(2027, 2, 1);
    private static readonly DateOnly BanUntil = new(2027, 4, 1);

    /// <summary>Openings in Kazakhstan, in the welder's field, starting before, during and after a ban there (Feb–Mar 2027).</summary>
    private static readonly OpeningListing[] AroundTheBan =
    [
        Kz("a-no-start", null),
        Kz("b-january", new DateOnly(2027, 1, 10)),
        Kz("c-february", new DateOnly(2027, 2, 15)),
        Kz("d-february-filled", new DateOnly(2027, 2, 20), filled: true),
        Kz("e-march-crane", new DateOnly(2027, 3, 1), licences: ["crane"]),
        Kz("f-april", BanUntil),
        Kz("g-may-crane", new DateOnly(2027, 5, 1), licences: ["crane"]),
        Kz("h-may-driving", new DateOnly(2027, 5, 1), licences: ["driving:C"]),
        Kz("i-june-filled", new DateOnly(2027, 6, 1), filled: true),
    ];

    [Fact]
    public void Match_BanOverSomeStartDays_CountsThoseStartingWhileInForce_TheRestByTheirTerms()
    {
        var result = Build.Match(BannedFromKazakhstan(), Build.Query(), AroundTheBan);

        Assert.Equal(Counts(ban: 3, relocation: 0, closed: 1, refugees: 0, licence: 1), result.Excluded);
        Assert.Equal(["a-no-start", "b-january", "f-april", "h-may-driving"], result.Matches.Select(m => m.OpeningId).Order());
    }

    [Fact]
    public void Match_AvailableWhileBanned_BarsEveryOpeningStartingByThen_AndOverlappingBansCountEachOnce()
    {
        var profile = BannedFromKazakhstan() with
        {
            AvailableFrom = new DateOnly(2027, 3, 1),
            Bans =
            [
                new EntryBan { Country = "KZ", From = BanFrom, Until = BanUntil },
                new EntryBan { Country = "KZ", From = new DateOnly(2027, 3, 15), Until = new DateOnly(2027, 5, 1) },
            ],
        };

        var result = Build.Match(profile, Build.Query(), AroundTheBan);

        Assert.Equal(Counts(ban: 6, relocation: 0, closed: 1, refugees: 0, licence: 1), result.Excluded);
    }

    [Fact]
    public void Match_BanInACountryTheyWillNotMoveTo_CountsTheBannedUnderTheBan_TheRestUnderRelocation()
    {
        var profile = BannedFromKazakhstan() with { Relocation = new Relocation { Willing = true, Countries = ["KG"] } };

        var result = Build.Match(profile, Build.Query(), AroundTheBan);

        Assert.Equal(Counts(ban: 3, relocation: 6, closed: 0, refugees: 0, licence: 0), result.Excluded);
    }

    [Fact]
    public void Match_RefugeeLackingALicence_CountsOnlyTheOpenOnesThatTakeRefugeesUnderLicence()
    {
        var profile = Build.Refugee() with { Licences = [] };
        OpeningListing[] openings =
        [
            Kz("crane-open", null, licences: ["crane"]),
            Kz("crane-no-refugees", null, licences: ["crane"], refugees: false),
            Kz("crane-filled", null, licences: ["crane"], filled: true),
            Kz("crane-and-driving", null, licences: ["crane", "driving:C"]),
            Kz("no-refugees", null, refugees: false),
            Kz("open", null),
        ];

        var result = Build.Match(profile, Build.Query(), openings);

        Assert.Equal(Counts(ban: 0, relocation: 0, closed: 1, refugees: 2, licence: 2), result.Excluded);
        Assert.Equal("open", Assert.Single(result.Matches).OpeningId);
    }

    [Fact]
    public void Match_RefugeeBanned_CountsAnOpeningThatTakesNoRefugees_UnderTheBanWhenItStartsWhileInForce()
    {
        var profile = Build.Refugee() with { Bans = [new EntryBan { Country = "KZ", From = BanFrom, Until = BanUntil }] };
        OpeningListing[] openings =
        [
            Kz("january-no-refugees", new DateOnly(2027, 1, 10), refugees: false),
            Kz("february-no-refugees", new DateOnly(2027, 2, 15), refugees: false),
            Kz("may", new DateOnly(2027, 5, 1)),
        ];

        var result = Build.Match(profile, Build.Query(), openings);

        Assert.Equal(Counts(ban: 1, relocation: 0, closed: 0, refugees: 1, licence: 0), result.Excluded);
    }

    [Fact]
    public void Match_RefugeeBannedFromACountryTheyFled_CountsTheBannedUnderTheBan_TheRestUnderNonRefoulement()
    {
        var profile = Build.Refugee() with
        {
            FledCountries = ["AF", "KZ"],
            Bans = [new EntryBan { Country = "KZ", From = BanFrom, Until = BanUntil }],
        };

        var result = Build.Match(profile, Build.Query(), AroundTheBan);

        Assert.Equal(Counts(ban: 3, relocation: 0, closed: 0, refugees: 0, licence: 0) with { NonRefoulement = 6 }, result.Excluded);
    }

    [Fact]
    public void Match_BanEndingOnTheDayTheyCouldStart_BarsNothing()
    {
        var profile = Build.Welder() with
        {
            AvailableFrom = null,
            Bans = [new EntryBan { Country = "KZ", From = new DateOnly(2020, 1, 1), Until = Samples.Today }],
        };

        var result = Build.Match(profile, Build.Query(), Kz("no-start", null), Kz("today", Samples.Today), Kz("next-day", Samples.Today.AddDays(1)));

        Assert.Equal(Counts(ban: 0, relocation: 0, closed: 0, refugees: 0, licence: 0), result.Excluded);
        Assert.Equal(3, result.Matches.Count);
    }

    private static ExclusionCounts Counts(int ban, int relocation, int closed, int refugees, int licence) =>
        new(ReentryBan: ban, NonRefoulement: 0, Relocation: relocation, Closed: closed, RefugeesNotAccepted: refugees, Licence: licence);

    private static Profile BannedFromKazakhstan() => Build.Welder() with
    {
        Bans = [new EntryBan { Country = "KZ", From = BanFrom, Until = BanUntil }],
    };

    private static OpeningListing Kz(string id, DateOnly? start, string[]? licences = null, bool filled = false, bool refugees = true) =>
        Build.Opening(
            id, "KZ", "Almaty",
            o => o with { StartDate = start, ExpiresOn = null, Licences = [.. licences ?? []], AcceptsRefugees = refugees },
            filled: filled ? 3 : 0);
}
