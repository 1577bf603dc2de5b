using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Matching.Scoring;

namespace Reintegration.Tests.Matching;

/// <summary>
/// Each scoring component's exact value at known inputs, as the README's Matching table gives it: the
/// property tests check only that the score moves the right way, which a component flattened to a constant passes.
/// </summary>
public sealed class ComponentTests
{
    private const int Digits = 12;

    private static Seeker Person(Func<Profile, Profile> change) => Build.Engine.Compile(change(Build.Welder()));

    private static CandidateOpening Opening(Func<Opening, Opening> change, string country = "KZ", string city = "Almaty") =>
        Build.Engine.Compile(Build.Opening("o", country, city, change));

    private static OccupationExperience Worked(string isco, int years) => new() { Isco = isco, Years = years };

    [Theory]
    [InlineData("7212", "7212", OccupationScore.SameUnit)]
    [InlineData("7212", "7213", OccupationScore.SameMinor)]
    [InlineData("7212", "7231", OccupationScore.SameSubMajor)]
    [InlineData("7212", "7112", 0)]
    [InlineData("7212", "8322", 0)]
    public void Occupation_Closeness_FollowsTheIscoHierarchy(string person, string opening, double expected) =>
        Assert.Equal(expected, OccupationScore.Closeness(IscoUnit.Parse(person), IscoUnit.Parse(opening)));

    [Fact]
    public void Occupation_Closeness_IsOneThreeQuartersAndAHalf()
    {
        Assert.Equal(1.0, OccupationScore.SameUnit);
        Assert.Equal(0.75, OccupationScore.SameMinor);
        Assert.Equal(0.5, OccupationScore.SameSubMajor);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 0.55)]
    [InlineData(6, 0.8)]
    [InlineData(9, 0.95)]
    [InlineData(10, 1)]
    [InlineData(11, 1)]
    [InlineData(70, 1)]
    public void Occupation_ExperienceWeight_RisesFromAHalfToOneOverTenYears(int years, double expected) =>
        Assert.Equal(expected, OccupationScore.ExperienceWeight(years), Digits);

    [Theory]
    [InlineData("7212", 0.8)]
    [InlineData("7213", 0.6)]
    [InlineData("7223", 0.675)]
    [InlineData("7231", 0.45)]
    [InlineData("8322", 0)]
    public void Occupation_IsTheBestOfThePersonsOccupations_ClosenessTimesWeight(string opening, double expected)
    {
        // 7212 for 6 years (weight 0.8), 7222 for 8 years (0.9).
        var person = Person(p => p with { Occupations = [Worked("7212", 6), Worked("7222", 8)] });

        Assert.Equal(expected, OccupationScore.Of(person, IscoUnit.Parse(opening)), Digits);
    }

    [Theory]
    [InlineData(new string[0], new string[0], 1.0)]
    [InlineData(new[] { "mig welding" }, new string[0], 1.0)]
    [InlineData(new[] { "MIG Welding", "tig welding" }, new string[0], 0.5)]
    [InlineData(new[] { "mig welding", "tig welding", "forklift" }, new string[0], 1.0 / 3)]
    [InlineData(new[] { "tig welding" }, new[] { "driving:C" }, 0.5)]
    [InlineData(new[] { "mig welding" }, new[] { "driving:C", "driving:B" }, 2.0 / 3)]
    [InlineData(new string[0], new[] { "driving:B" }, 0)]
    public void Skills_AreTheShareOfSkillsAndLicencesHeld(string[] skills, string[] licences, double expected)
    {
        // The welder holds "mig welding", "blueprint reading" and the licence "driving:C".
        var opening = Opening(o => o with { Skills = [.. skills], Licences = [.. licences] });

        Assert.Equal(expected, SkillScore.Of(Person(p => p), opening), Digits);
    }

    [Theory]
    [InlineData("B2", null, 0.5)]
    [InlineData("C2", null, 0.5)]
    [InlineData("B1", null, 0.375)]
    [InlineData("A1", null, 0.125)]
    [InlineData("B1", "B1", 0.875)]
    [InlineData("B2", "A2", 5.0 / 6)]
    [InlineData("A2", "C2", 0.75)]
    public void Language_PerRequiredLanguage_OneAtTheLevel_TheRatioBelow_NothingUnspoken_Averaged(string russian, string? english, double expected)
    {
        // The opening asks for Russian B2 and English B1.
        var person = Person(p => p with
        {
            Languages = english is null
                ? [new LanguageSkill { Code = "ru", Level = russian }]
                : [new LanguageSkill { Code = "ru", Level = russian }, new LanguageSkill { Code = "en", Level = english }],
        });
        var opening = Opening(o => o with { Languages = [new() { Code = "ru", Level = "B2" }, new() { Code = "en", Level = "B1" }] });

        Assert.Equal(expected, LanguageScore.Of(person, opening), Digits);
    }

    [Fact]
    public void Language_NoneRequired_IsOne() =>
        Assert.Equal(1, LanguageScore.Of(Person(p => p with { Languages = [] }), Opening(o => o with { Languages = [] })));

    [Theory]
    [InlineData("7212", 0, 1)]
    [InlineData("7212", 3, 1)]
    [InlineData("7212", 6, 1)]
    [InlineData("7212", 8, 0.75)]
    [InlineData("7213", 12, 0.5)]
    [InlineData("7231", 4, 0)]
    public void Experience_YearsInTheMinorGroupAgainstTheMinimum(string isco, int minYears, double expected) =>
        Assert.Equal(expected, ExperienceScore.Of(Person(p => p), Opening(o => o with { Isco = isco, MinYears = minYears })), Digits);

    [Fact]
    public void Experience_CountsTheLongestOccupationOfTheMinorGroup()
    {
        var person = Person(p => p with { Occupations = [Worked("7212", 2), Worked("7213", 3), Worked("7231", 9)] });

        Assert.Equal(3, ExperienceScore.RelevantYears(person, Opening(o => o with { Isco = "7212" })));
        Assert.Equal(0.5, ExperienceScore.Of(person, Opening(o => o with { Isco = "7212", MinYears = 6 })), Digits);
    }

    [Theory]
    [InlineData(400, 600, 0.25)]
    [InlineData(0, 1000, 0.25)]
    [InlineData(900, 900, 0.81)]
    [InlineData(500, 1500, 1)]
    [InlineData(3000, 5000, 1)]
    public void Wage_MidpointInDollars_OneAtTheMinimum_TheSquaredRatioBelow(int min, int max, double expected)
    {
        var person = Person(p => p with { MinMonthlyWage = new Money { Amount = 1000, Currency = "USD" } });
        var opening = Opening(o => o with { MonthlyWage = new WageRange { Min = min, Max = max, Currency = "USD" } });

        Assert.Equal(expected, WageScore.Of(person, opening), Digits);
    }

    [Fact]
    public void Wage_Unstated_IsAHalf_AndNoMinimumOrAZeroMinimum_IsOne_StatedOrNot()
    {
        var wanting = Person(p => p with { MinMonthlyWage = new Money { Amount = 1000, Currency = "USD" } });
        var paid = Opening(o => o with { MonthlyWage = new WageRange { Min = 10, Max = 10, Currency = "USD" } });

        Assert.Equal(0.5, WageScore.Of(wanting, Opening(o => o with { MonthlyWage = null })));
        Assert.Equal(1, WageScore.Of(Person(p => p with { MinMonthlyWage = null }), paid));
        var zeroMinimum = Person(p => p with { MinMonthlyWage = new Money { Amount = 0, Currency = "USD" } });
        Assert.Equal(1, WageScore.Of(zeroMinimum, paid));
        Assert.Equal(1, WageScore.Of(zeroMinimum, Opening(o => o with { MonthlyWage = null })));
    }

    [Theory]
    [InlineData(Pathway.Domestic, false, 1.0)]
    [InlineData(Pathway.Domestic, true, 1.0)]
    [InlineData(Pathway.FreeMovement, false, 0.8)]
    [InlineData(Pathway.FreeMovement, true, 0.8)]
    [InlineData(Pathway.WorkPermit, false, 0.5)]
    [InlineData(Pathway.WorkPermit, true, 0.7)]
    [InlineData(Pathway.VisaAndPermit, false, 0.2)]
    [InlineData(Pathway.VisaAndPermit, true, 0.4)]
    public void Pathway_ByRoute_PlusAFifthWhenTheEmployerSponsorsThePermit(Pathway route, bool sponsored, double expected) =>
        Assert.Equal(expected, PathwayScore.Of(route, sponsored), Digits);

    [Theory]
    [InlineData("TJ", "Khujand", "SameRegion")]
    [InlineData("TJ", "Dushanbe", "SameCountry")]
    [InlineData("KZ", "Almaty", "OtherState")]
    [InlineData("KG", "Osh", "OtherState")]
    public void Location_Tier_HomeRegionThenHomeCountryThenTheOtherStates(string country, string city, string expected) =>
        Assert.Equal(Enum.Parse<Nearness>(expected), LocationScore.TierOf(Person(p => p), Opening(o => o, country, city)));

    [Theory]
    [InlineData("SameRegion", 0, 1)]
    [InlineData("SameRegion", 100, 0.85 + 0.15 / Math.E)]
    [InlineData("SameRegion", 200, 0.85 + 0.15 / Math.E / Math.E)]
    [InlineData("SameCountry", 0, 0.8)]
    [InlineData("SameCountry", 400, 0.4 + 0.4 / Math.E)]
    [InlineData("OtherState", 0, 0.3)]
    [InlineData("OtherState", 2000, 0.3 / Math.E)]
    [InlineData("OtherState", 20000, 0.3 / 22026.465794806718)]
    public void Location_FloorPlusSpanDecayingExponentiallyWithDistance(string tier, double km, double expected) =>
        Assert.Equal(expected, LocationScore.Of(Enum.Parse<Nearness>(tier), km), Digits);

    [Theory]
    [InlineData("SameRegion", 1)]
    [InlineData("SameCountry", 0.8)]
    [InlineData("OtherState", 0.3)]
    public void Location_Max_IsTheTiersScoreAtDistanceZero(string tier, double expected) =>
        Assert.Equal(expected, LocationScore.Max(Enum.Parse<Nearness>(tier)), Digits);

    [Fact]
    public void Location_InTheMatch_IsTheCurveAtTheHaversineDistance()
    {
        var person = Person(p => p);
        var opening = Opening(o => o, "TJ", "Dushanbe");

        var scored = Build.Engine.Scorer.Score(person, opening);

        var km = Reintegration.Reference.Geo.DistanceKm(40.28, 69.62, opening.Point.Lat, opening.Point.Lon);
        Assert.Equal(km, scored.DistanceKm, 6);
        Assert.Equal(0.4 + 0.4 * Math.Exp(-km / 400), scored.Components.Location, Digits);
    }
}
