using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Tests.Matching;

/// <summary>The four hard rules at their edges. Every case runs through both the full scan and the index.</summary>
public sealed class HardRuleTests
{
    private static readonly DateOnly Start = new(2027, 1, 10);

    private static Profile BannedFromRussiaUntil(DateOnly? until) => Build.Welder() with
    {
        Bans = [new EntryBan { Country = "RU", From = new DateOnly(2024, 1, 1), Until = until }],
        AvailableFrom = null,
        Relocation = new Relocation { Willing = true },
    };

    [Fact]
    public void Ban_EndingTheDayBeforeStart_DoesNotBar()
    {
        var result = Build.Match(BannedFromRussiaUntil(Start.AddDays(-1)), Build.Query(), Build.Opening("ru-1", "RU", "Moscow"));

        Assert.Single(result.Matches);
        Assert.Equal(0, result.Excluded.ReentryBan);
    }

    [Fact]
    public void Ban_EndingOnTheStartDay_DoesNotBar_EntryIsAllowedThatDay() =>
        Assert.Single(Build.Match(BannedFromRussiaUntil(Start), Build.Query(), Build.Opening("ru-1", "RU", "Moscow")).Matches);

    [Fact]
    public void Ban_EndingTheDayAfterStart_Bars()
    {
        var result = Build.Match(BannedFromRussiaUntil(Start.AddDays(1)), Build.Query(), Build.Opening("ru-1", "RU", "Moscow"));

        Assert.Empty(result.Matches);
        Assert.Equal(1, result.Excluded.ReentryBan);
    }

    [Fact]
    public void Ban_WithNoEnd_BarsForever()
    {
        var farFuture = Build.Opening("ru-1", "RU", "Moscow", o => o with { StartDate = new DateOnly(2090, 1, 1), ExpiresOn = null });

        var result = Build.Match(BannedFromRussiaUntil(null), Build.Query(), farFuture);

        Assert.Equal(1, result.Excluded.ReentryBan);
    }

    [Fact]
    public void Ban_FromRussia_BarsBelarusToo()
    {
        var result = Build.Match(BannedFromRussiaUntil(new DateOnly(2030, 3, 1)), Build.Query(),
            Build.Opening("by-1", "BY", "Minsk"), Build.Opening("kz-1", "KZ", "Almaty"));

        Assert.Equal(["kz-1"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(1, result.Excluded.ReentryBan);
    }

    [Fact]
    public void Ban_FromKazakhstan_DoesNotBarRussia()
    {
        var profile = Build.Welder() with { Bans = [new EntryBan { Country = "KZ", Until = new DateOnly(2030, 1, 1) }], Relocation = new Relocation { Willing = true } };

        var result = Build.Match(profile, Build.Query(), Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("ru-1", "RU", "Moscow"));

        Assert.Equal(["ru-1"], result.Matches.Select(m => m.OpeningId));
    }

    [Fact]
    public void Ban_JudgedOnTheLaterOfStartAndAvailability()
    {
        // The opening starts 2027-01-10 but the person is free only from 2027-06-01; the ban ends 2027-03-01.
        var profile = BannedFromRussiaUntil(new DateOnly(2027, 3, 1)) with { AvailableFrom = new DateOnly(2027, 6, 1) };

        Assert.Single(Build.Match(profile, Build.Query(), Build.Opening("ru-1", "RU", "Moscow")).Matches);
    }

    [Fact]
    public void Ban_OpeningAlreadyStarted_IsJudgedOnToday()
    {
        var started = Build.Opening("ru-1", "RU", "Moscow", o => o with { StartDate = new DateOnly(2026, 1, 1) });

        var barred = Build.Match(BannedFromRussiaUntil(Samples.Today.AddDays(1)), Build.Query(), started);
        var free = Build.Match(BannedFromRussiaUntil(Samples.Today), Build.Query(), started);

        Assert.Equal(1, barred.Excluded.ReentryBan);
        Assert.Single(free.Matches);
    }

    private static Profile BannedFromRussia(DateOnly from, DateOnly? until) =>
        BannedFromRussiaUntil(until) with { Bans = [new EntryBan { Country = "RU", From = from, Until = until }] };

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    public void Ban_BeginningInTheFuture_BarsOnlyOpeningsStartingOnOrAfterItsFirstDay(int daysAfterStart, bool barred)
    {
        foreach (DateOnly? until in new DateOnly?[] { new DateOnly(2030, 1, 1), null })
        {
            var result = Build.Match(BannedFromRussia(Start.AddDays(daysAfterStart), until), Build.Query(), Build.Opening("ru-1", "RU", "Moscow"));

            Assert.Equal(barred ? 0 : 1, result.Matches.Count);
            Assert.Equal(barred ? 1 : 0, result.Excluded.ReentryBan);
        }
    }

    [Fact]
    public void Ban_OpenEndedBeginningTomorrow_DoesNotBarAnOpeningAlreadyUnderWay()
    {
        var underWay = Build.Opening("ru-1", "RU", "Moscow", o => o with { StartDate = new DateOnly(2026, 1, 1) });
        var later = Build.Opening("ru-2", "RU", "Moscow", o => o with { StartDate = Samples.Today.AddDays(1) });

        var result = Build.Match(BannedFromRussia(Samples.Today.AddDays(1), null), Build.Query(), underWay, later);

        Assert.Equal(["ru-1"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(1, result.Excluded.ReentryBan);
    }

    [Fact]
    public void Ban_OpenEndedBeginningToday_BarsEveryOpeningOfTheCountry()
    {
        var underWay = Build.Opening("ru-1", "RU", "Moscow", o => o with { StartDate = new DateOnly(2026, 1, 1) });
        var belarus = Build.Opening("by-1", "BY", "Minsk", o => o with { StartDate = new DateOnly(2090, 1, 1), ExpiresOn = null });

        var result = Build.Match(BannedFromRussia(Samples.Today, null), Build.Query(), underWay, belarus);

        Assert.Empty(result.Matches);
        Assert.Equal(2, result.Excluded.ReentryBan);
    }

    [Fact]
    public void Ban_TwoWindows_AnOpeningBetweenThem_IsNotBarred_OneInEitherIs()
    {
        var profile = BannedFromRussiaUntil(null) with
        {
            Bans =
            [
                new EntryBan { Country = "RU", From = new DateOnly(2024, 1, 1), Until = new DateOnly(2027, 1, 1) },
                new EntryBan { Country = "RU", From = new DateOnly(2027, 6, 1) },
            ],
        };
        OpeningListing StartingOn(string id, DateOnly day) => Build.Opening(id, "RU", "Moscow", o => o with { StartDate = day, ExpiresOn = null });

        var result = Build.Match(profile, Build.Query(),
            StartingOn("ru-early", new DateOnly(2026, 12, 31)), StartingOn("ru-between", new DateOnly(2027, 3, 1)), StartingOn("ru-late", new DateOnly(2027, 6, 1)));

        Assert.Equal(["ru-between"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(2, result.Excluded.ReentryBan);
    }

    [Fact]
    public void Refugee_NeverOfferedTheirCountryOfCitizenship()
    {
        var result = Build.Match(Build.Refugee(), Build.Query(), Build.Opening("af-1", "AF", "Kabul"), Build.Opening("tj-1", "TJ", "Dushanbe"));

        Assert.Equal(["tj-1"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(1, result.Excluded.NonRefoulement);
    }

    [Fact]
    public void Refugee_WithVoluntaryRepatriation_IsOfferedTheirCountry()
    {
        var result = Build.Match(Build.Refugee() with { VoluntaryRepatriation = true }, Build.Query(), Build.Opening("af-1", "AF", "Kabul"));

        Assert.Single(result.Matches);
        Assert.Equal(0, result.Excluded.NonRefoulement);
    }

    [Fact]
    public void Refugee_NeverOfferedACountryTheyFled()
    {
        var profile = Build.Refugee() with { FledCountries = ["AF", "IR"] };

        var result = Build.Match(profile, Build.Query(), Build.Opening("ir-1", "IR", "Tehran"));

        Assert.Equal(1, result.Excluded.NonRefoulement);
    }

    [Fact]
    public void Relocation_Refused_ExcludesEveryForeignOpening()
    {
        var profile = Build.Welder() with { Relocation = new Relocation { Willing = false } };

        var result = Build.Match(profile, Build.Query(), Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("tj-1", "TJ", "Dushanbe"));

        Assert.Equal(["tj-1"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(1, result.Excluded.Relocation);
    }

    [Fact]
    public void Relocation_LimitedToListedCountries()
    {
        var profile = Build.Welder() with { Relocation = new Relocation { Willing = true, Countries = ["KZ"] } };

        var result = Build.Match(profile, Build.Query(), Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("kg-1", "KG", "Bishkek"));

        Assert.Equal(["kz-1"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(1, result.Excluded.Relocation);
    }

    [Fact]
    public void Relocation_WillingWithNoList_AcceptsAnyState() =>
        Assert.Equal(2, Build.Match(Build.Welder() with { Relocation = new Relocation { Willing = true } }, Build.Query(),
            Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("kg-1", "KG", "Bishkek")).Matches.Count);

    [Fact]
    public void Opening_ExpiredYesterday_IsClosed()
    {
        var result = Build.Match(Build.Welder(), Build.Query(), Build.Opening("kz-1", "KZ", "Almaty", o => o with { ExpiresOn = Samples.Today.AddDays(-1) }));

        Assert.Equal(1, result.Excluded.Closed);
    }

    [Fact]
    public void Opening_ExpiringToday_IsOpen() =>
        Assert.Single(Build.Match(Build.Welder(), Build.Query(), Build.Opening("kz-1", "KZ", "Almaty", o => o with { ExpiresOn = Samples.Today })).Matches);

    [Fact]
    public void Opening_EveryPositionFilled_IsClosed()
    {
        var result = Build.Match(Build.Welder(), Build.Query(), Build.Opening("kz-1", "KZ", "Almaty", filled: 3));

        Assert.Equal(1, result.Excluded.Closed);
    }

    [Fact]
    public void Opening_RequiringALicenceNotHeld_IsExcluded()
    {
        var result = Build.Match(Build.Welder() with { Licences = [] }, Build.Query(), Build.Opening("kz-1", "KZ", "Almaty", o => o with { Licences = ["driving:C"] }));

        Assert.Equal(1, result.Excluded.Licence);
    }

    [Fact]
    public void Opening_RequiringALicenceHeld_Matches_WhateverTheCase() =>
        Assert.Single(Build.Match(Build.Welder(), Build.Query(), Build.Opening("kz-1", "KZ", "Almaty", o => o with { Licences = ["Driving:C"] })).Matches);

    [Fact]
    public void Opening_NotTakingRefugees_ExcludesARefugee_ButNotAReturnee()
    {
        var opening = Build.Opening("tj-1", "TJ", "Dushanbe", o => o with { AcceptsRefugees = false });

        Assert.Equal(1, Build.Match(Build.Refugee(), Build.Query(), opening).Excluded.RefugeesNotAccepted);
        Assert.Single(Build.Match(Build.Welder(), Build.Query(), opening).Matches);
    }

    [Fact]
    public void Exclusion_CountedOnceUnderTheFirstRuleBroken()
    {
        var bannedAndExpired = Build.Opening("ru-1", "RU", "Moscow", o => o with { ExpiresOn = Samples.Today.AddDays(-1) });

        var result = Build.Match(BannedFromRussiaUntil(null), Build.Query(), bannedAndExpired);

        Assert.Equal(new ExclusionCounts(1, 0, 0, 0, 0, 0), result.Excluded);
    }

    [Fact]
    public void Opening_OutsideThePersonsField_IsNeitherMatchedNorCounted()
    {
        var cook = Build.Opening("kz-cook", "KZ", "Almaty", o => o with { Isco = "5120" });

        var result = Build.Match(Build.Welder(), Build.Query(), cook);

        Assert.Empty(result.Matches);
        Assert.Equal(0, result.Excluded.Total);
    }

    [Fact]
    public void Judge_BannedOpening_SaysWhenTheBanEnds()
    {
        var verdict = Build.Engine.Judge(Build.Welder(), Build.Opening("ru-1", "RU", "Moscow"), Build.Query());

        Assert.Equal(ExclusionReason.ReentryBan, verdict.ExcludedBy);
        Assert.False(verdict.Offered);
        Assert.Equal("Ban from RU/BY ends 2030-03-01, after this opening starts (2027-01-10).", verdict.Explanation);
    }

    [Fact]
    public void Judge_RussianBanOnABelarusOpening_SaysTheListIsSharedInPracticeAndHowToAskBelarus()
    {
        var verdict = Build.Engine.Judge(Build.Welder(), Build.Opening("by-1", "BY", "Minsk"), Build.Query());

        const string when = "Ban from RU/BY ends 2030-03-01, after this opening starts (2027-01-10). ";
        Assert.StartsWith(when, verdict.Explanation, StringComparison.Ordinal);
        Assert.Contains("in practice", verdict.Explanation, StringComparison.Ordinal);
        Assert.Contains("may ask Belarus in advance", verdict.Explanation, StringComparison.Ordinal);
        Assert.Contains("Department of Citizenship and Migration", verdict.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("automatically", verdict.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Judge_RussianBanOnABelarusOpening_InRussian()
    {
        var verdict = Build.Engine.Judge(Build.Welder(), Build.Opening("by-1", "BY", "Minsk"), Build.Query(language: "ru"));

        const string when = "Запрет на въезд в RU/BY действует до 2030-03-01, после начала этой работы (2027-01-10). ";
        Assert.StartsWith(when, verdict.Explanation, StringComparison.Ordinal);
        Assert.Contains("на практике", verdict.Explanation, StringComparison.Ordinal);
        Assert.Contains("может заранее", verdict.Explanation, StringComparison.Ordinal);
        Assert.Contains("Департамент по гражданству и миграции МВД Беларуси", verdict.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("автоматически", verdict.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Judge_OpeningOutsideTheField_IsNotOfferedAndSaysSo()
    {
        var verdict = Build.Engine.Judge(Build.Welder(), Build.Opening("kz-cook", "KZ", "Almaty", o => o with { Isco = "5120" }), Build.Query());

        Assert.Null(verdict.ExcludedBy);
        Assert.False(verdict.Offered);
        Assert.StartsWith("Not offered: Cooks (5120) is outside the person's occupational fields (Welders and flamecutters (7212)).", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_EligibleOpening_IsOfferedWithTheSameScoreAsTheMatch()
    {
        var opening = Build.Opening("kz-1", "KZ", "Almaty");

        var verdict = Build.Engine.Judge(Build.Welder(), opening, Build.Query());

        Assert.True(verdict.Offered);
        Assert.Equal(Build.Match(Build.Welder(), Build.Query(), opening).Matches.Single().Score, verdict.Match!.Score);
    }
}
