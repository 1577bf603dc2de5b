using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Matching.Scoring;
using Reintegration.Reference;

namespace Reintegration.Tests.Matching;

public sealed class ScoringTests
{
    [Fact]
    public void Score_HomeCountryOpening_RanksAheadOfOtherwiseEqualForeignOne_EvenWhenFarther()
    {
        // Khorugh is farther from Khujand than Shymkent is, yet it is at home.
        var result = Build.Match(Build.Welder(), Build.Query(), Build.Opening("kz", "KZ", "Shymkent"), Build.Opening("tj", "TJ", "Khorugh"));

        Assert.Equal(["tj", "kz"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(Pathway.Domestic, result.Matches[0].Pathway);
    }

    [Fact]
    public void Score_HomeRegion_RanksAheadOfTheRestOfTheCountry()
    {
        var result = Build.Match(Build.Welder(), Build.Query(), Build.Opening("dushanbe", "TJ", "Dushanbe"), Build.Opening("khujand", "TJ", "Khujand"));

        Assert.Equal(["khujand", "dushanbe"], result.Matches.Select(m => m.OpeningId));
        Assert.True(result.Matches[0].Components.Location > result.Matches[1].Components.Location);
    }

    [Fact]
    public void LocationTiers_EachTopBelowTheFloorOfTheTierBefore()
    {
        Assert.True(LocationScore.SameCountry.Top < LocationScore.SameRegion.Floor);
        Assert.True(LocationScore.OtherState.Top < LocationScore.SameCountry.Floor);
        Assert.Equal(1, LocationScore.SameRegion.Top);
    }

    [Fact]
    public void Score_OnlyWageWeighted_IsTheWageComponent()
    {
        var engine = new MatchingEngine(ReferenceData.Shared, new ScoringWeights { Occupation = 0, Skills = 0, Language = 0, Experience = 0, Location = 0, Pathway = 0, Wage = 1 });
        var opening = Build.Opening("kz", "KZ", "Almaty", o => o with { MonthlyWage = new WageRange { Min = 100_000, Max = 100_000, Currency = "KZT" } });

        var match = engine.FullScan(Build.Welder(), [opening], Build.Query()).Matches.Single();

        Assert.Equal(match.Components.Wage, match.Score, 12);
        Assert.InRange(match.Score, 0, 0.999);
    }

    [Fact]
    public void Weights_Negative_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new MatchingEngine(ReferenceData.Shared, new ScoringWeights { Wage = -1 }));

    [Fact]
    public void Matches_EqualScores_OrderedByOpeningId()
    {
        var result = Build.Match(Build.Welder(), Build.Query(),
            Build.Opening("kz-c", "KZ", "Almaty"), Build.Opening("kz-a", "KZ", "Almaty"), Build.Opening("kz-b", "KZ", "Almaty"));

        Assert.Equal(["kz-a", "kz-b", "kz-c"], result.Matches.Select(m => m.OpeningId));
        Assert.Single(result.Matches.Select(m => m.Score).Distinct());
    }

    [Fact]
    public void Matches_TieAtTheTopKBoundary_KeepsTheLowerOpeningId()
    {
        // At home, at distance 0, paying above the minimum, asking nothing the person lacks: an opening's best
        // possible score is its score. The index visits unit group 7212 before 7213, so "tj-b" is kept first and
        // "tj-a", whose bound only equals the bar, must still be let in to take its place.
        var person = Build.Welder() with { Occupations = [new() { Isco = "7212", Years = 6 }, new() { Isco = "7213", Years = 6 }] };
        Opening Perfect(Opening o, string isco) => o with
        {
            Isco = isco,
            Location = person.Home,
            MonthlyWage = new WageRange { Min = 10_000, Max = 10_000, Currency = "TJS" },
        };
        OpeningListing[] openings = [Build.Opening("tj-b", "TJ", "Khujand", o => Perfect(o, "7212")), Build.Opening("tj-a", "TJ", "Khujand", o => Perfect(o, "7213"))];
        var index = new OpeningIndex(Build.Engine);
        index.Apply(openings);

        var result = Build.Match(person, Build.Query(top: 1), openings);

        Assert.Equal(["tj-a"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(["tj-a"], index.Rank(person, Build.Query(top: 1)).Select(r => r.OpeningId));
        var scorer = Build.Engine.Scorer;
        var (seeker, opening) = (Build.Engine.Compile(person), Build.Engine.Compile(openings[1]));
        Assert.Equal(result.Matches[0].Score, scorer.QuickBound(seeker, opening, Nearness.SameRegion));
    }

    [Fact]
    public void KeyBound_OpeningAskingNoSkillsOrLanguagesAtHome_IsItsScore_BelowTheQuickBound()
    {
        // Short of the years asked and paying under the person's minimum (4,000 TJS): the index key holds both, so the
        // bound from it is the score itself (skills and language at 1, distance 0), where the quick bound takes both at 1.
        var person = Build.Welder() with { Occupations = [new() { Isco = "7212", Years = 4 }] };
        var listing = Build.Opening("tj-a", "TJ", "Khujand", o => o with
        {
            Isco = "7212",
            Location = person.Home,
            Skills = [],
            Licences = [],
            Languages = [],
            MinYears = 8,
            MonthlyWage = new WageRange { Min = 2_000, Max = 2_000, Currency = "TJS" },
        });
        var scorer = Build.Engine.Scorer;
        var (seeker, opening) = (Build.Engine.Compile(person), Build.Engine.Compile(listing));
        var tier = LocationScore.TierOf(seeker, opening);
        var pathway = PathwayScore.Of(seeker.Regimes[opening.Country].Pathway, opening.PermitSponsorship);

        var bound = scorer.KeyBound(seeker, OpeningKey.Of(opening), OccupationFit.Of(seeker, opening.Isco), pathway, tier);

        Assert.Equal(Nearness.SameRegion, tier);
        Assert.Equal(scorer.Score(seeker, opening).Score, bound);
        Assert.True(bound < scorer.QuickBound(seeker, opening, tier), $"key bound {bound:R} not below the quick bound");
    }

    [Fact]
    public void Rank_TheBetterOfTwoOpeningsInTheOwnUnitGroup_AfterASiblingGroupInTheSameBucket_IsFound()
    {
        // One bucket (TJ, sub-major group 72) in order of unit group: 7211, a sibling of the person's 7212
        // (0.75), then two of 7212, the first paying well, the second a little under the person's minimum.
        // Each unit group is a run bounded by its own occupation score: were the sibling's run to take in the
        // first 7212 opening, its lower bound would leave that opening unread once the second filled the top.
        var person = Build.Welder();
        Opening Paying(Opening o, string isco, int wage) => o with
        {
            Isco = isco,
            Location = person.Home,
            MonthlyWage = new WageRange { Min = wage, Max = wage, Currency = "TJS" },
        };
        OpeningListing[] openings =
        [
            Build.Opening("tj-a", "TJ", "Khujand", o => Paying(o, "7211", 10_000)),
            Build.Opening("tj-b", "TJ", "Khujand", o => Paying(o, "7212", 10_000)),
            Build.Opening("tj-c", "TJ", "Khujand", o => Paying(o, "7212", 3_800)),
        ];
        var index = new OpeningIndex(Build.Engine);
        index.Apply(openings);

        var result = Build.Match(person, Build.Query(top: 1), openings);

        Assert.Equal(["tj-b"], result.Matches.Select(m => m.OpeningId));
        Assert.Equal(["tj-b"], index.Rank(person, Build.Query(top: 1)).Select(r => r.OpeningId));
    }

    [Fact]
    public void Rank_AsksSkipOnlyAboutAnOpeningThatWouldEnterTheTopK()
    {
        // The same opening in two cities of one region (Khatlon), walked in id order: Kulob, nearer Khujand, scores
        // higher, so Bokhtar, after it, passes every bound (they see the tier, not the distance) and then cannot enter.
        OpeningListing[] openings = [Build.Opening("tj-a", "TJ", "Kulob"), Build.Opening("tj-b", "TJ", "Bokhtar")];
        var index = new OpeningIndex(Build.Engine);
        index.Apply(openings);
        var asked = new List<string>();

        var query = Build.Query(top: 1) with { Skip = listing => { asked.Add(listing.Id); return false; } };

        var ranked = index.Rank(Build.Welder(), query);

        Assert.Equal(["tj-a"], ranked.Select(r => r.OpeningId));
        Assert.Equal(["tj-a"], asked);
    }

    [Fact]
    public void Matches_Top_LimitsTheCountAndKeepsTheBest()
    {
        var openings = Enumerable.Range(0, 12).Select(i => Build.Opening($"kz-{i:00}", "KZ", "Almaty", o => o with { MinYears = i })).ToArray();

        var result = Build.Match(Build.Welder(), Build.Query(top: 3), openings);

        Assert.Equal(["kz-00", "kz-01", "kz-02"], result.Matches.Select(m => m.OpeningId));
    }

    [Fact]
    public void Matches_CountryFilter_KeepsOnlyThatCountry()
    {
        var result = Build.Match(Build.Welder(), Build.Query(country: "KG"), Build.Opening("kz", "KZ", "Almaty"), Build.Opening("kg", "KG", "Bishkek"));

        Assert.Equal(["kg"], result.Matches.Select(m => m.OpeningId));
    }

    [Theory]
    [InlineData("TJ", "KZ", Pathway.WorkPermit)]
    [InlineData("KG", "KZ", Pathway.FreeMovement)]
    [InlineData("TJ", "TJ", Pathway.Domestic)]
    public void Match_NamesItsPathwayAndWhatToObtain(string citizenship, string openingCountry, Pathway expected)
    {
        var city = ReferenceData.Shared.Countries.FindRegional(openingCountry)!.Capital.NameEn;
        var profile = Build.Welder() with { Citizenship = citizenship, Relocation = new Relocation { Willing = true } };

        var match = Build.Match(profile, Build.Query(), Build.Opening("o", openingCountry, city)).Matches.Single();

        Assert.Equal(expected, match.Pathway);
        Assert.False(string.IsNullOrWhiteSpace(match.Obtain));
        Assert.Contains(match.Reasons, r => r.StartsWith("Pathway:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("TJ", "en")]
    [InlineData("TJ", "ru")]
    [InlineData("SY", "en")]
    public void Match_CarriesTheDayItsObtainAdviceWasChecked_NullWhenTheTableHasNoEntry(string citizenship, string language)
    {
        var profile = Build.Welder() with { Citizenship = citizenship };

        var match = Build.Match(profile, Build.Query(language: language), Build.Opening("kz", "KZ", "Almaty")).Matches.Single();

        var regime = ReferenceData.Shared.Mobility.Find(citizenship, "KZ");
        Assert.Equal(regime.VerifiedOn, match.ObtainVerifiedOn);
        Assert.Equal(language == "ru" ? regime.ObtainRu : regime.ObtainEn, match.Obtain);
        Assert.Equal(citizenship == "TJ", match.ObtainVerifiedOn is not null);
    }

    [Fact]
    public void Match_PermitSponsorship_RaisesThePathwayComponent()
    {
        var result = Build.Match(Build.Welder(), Build.Query(), Build.Opening("plain", "KZ", "Almaty"), Build.Opening("sponsored", "KZ", "Almaty", o => o with { PermitSponsorship = true }));

        Assert.Equal("sponsored", result.Matches[0].OpeningId);
        Assert.True(result.Matches[0].Components.Pathway > result.Matches[1].Components.Pathway);
    }

    [Fact]
    public void Reasons_InRussian_AreWrittenInRussian()
    {
        var match = Build.Match(Build.Welder(), Build.Query(language: "ru"), Build.Opening("kz", "KZ", "Almaty", o => o with { Languages = [new LanguageSkill { Code = "ru", Level = "B1" }] })).Matches.Single();

        Assert.Contains("Та же профессия: Сварщики и газорезчики (7212), стаж 6 лет.", match.Reasons);
        Assert.Contains("Русский: B2, требуется B1.", match.Reasons);
        Assert.All(match.Reasons, r => Assert.Contains(r, c => c is >= 'А' and <= 'я'));
    }

    [Fact]
    public void Reasons_ForABannedPerson_SayTheBanDoesNotCoverTheCountry()
    {
        var match = Build.Match(Build.Welder(), Build.Query(), Build.Opening("kz", "KZ", "Almaty")).Matches.Single();

        Assert.Contains("The ban from RU/BY does not cover Kazakhstan.", match.Reasons);
        Assert.Contains(match.Reasons, r => r.StartsWith("Abroad, in Kazakhstan: Almaty,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, "Опыт: 6 лет, требуется не менее 1 года.")]
    [InlineData(4, "Опыт: 6 лет, требуется не менее 4 лет.")]
    [InlineData(21, "Опыт: 6 лет, меньше требуемых 21 года.")]
    public void Reasons_InRussian_PutYearsAfterAComparisonInTheGenitive(int minYears, string expected)
    {
        var match = Build.Match(Build.Welder(), Build.Query(language: "ru"), Build.Opening("kz", "KZ", "Almaty", o => o with { MinYears = minYears })).Matches.Single();

        Assert.Contains(expected, match.Reasons);
    }

    [Fact]
    public void Reasons_WageWithoutARange_IsWrittenOnce()
    {
        var match = Build.Match(Build.Welder(), Build.Query(), Build.Opening("kz", "KZ", "Almaty", o => o with { MonthlyWage = new WageRange { Min = 300_000, Max = 300_000, Currency = "KZT" } })).Matches.Single();

        Assert.Contains(match.Reasons, r => r.StartsWith("Wage: 300,000 KZT (≈ ", StringComparison.Ordinal));
    }

    [Fact]
    public void Reasons_WithoutExplain_AreLeftOut() =>
        Assert.Empty(Build.Engine.FullScan(Build.Welder(), [Build.Opening("kz", "KZ", "Almaty")], Build.Query() with { Explain = false }).Matches.Single().Reasons);
}
