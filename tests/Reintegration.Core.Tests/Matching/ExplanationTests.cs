using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Matching;
using Reintegration.Matching.Explanations;
using Reintegration.Reference;

namespace Reintegration.Tests.Matching;

/// <summary>Rules of the explanations that the pinned verdicts (Localisation/Expected) do not reach.</summary>
public sealed class ExplanationTests
{
    [Theory]
    [InlineData("RU", new[] { "RU", "BY" }, "RU/BY")]
    [InlineData("BY", new[] { "RU", "BY" }, "BY/RU")]
    [InlineData("RU", new[] { "KZ", "AM", "RU", "BY" }, "RU/AM/BY/KZ")]
    [InlineData("KZ", new[] { "KZ" }, "KZ")]
    public void BanArea_IssuerFirst_ThenTheOthersInCodeOrder(string issuer, string[] area, string expected) =>
        Assert.Equal(expected, ExclusionText.BanArea(issuer, area));

    [Fact]
    public void VoluntaryRepatriation_IsWrittenForARefugeeAlone_NotForAReturningMigrantFlaggedSo()
    {
        var migrant = Build.Welder() with { VoluntaryRepatriation = true };

        var verdict = Build.Engine.Judge(migrant, Build.Opening("tj-home", "TJ", "Dushanbe"), Build.Query());

        Assert.NotNull(verdict.Match);
        Assert.DoesNotContain(Words.English.VoluntaryRepatriation, verdict.Match.Reasons);
    }

    [Fact]
    public void Reasons_OfTwoPeopleWithTheSameFacts_ShareEachLineThatDependsOnFewFacts()
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        var opening = Build.Opening("kz-1", "KZ", "Almaty", o => o with
        {
            Languages = [new LanguageSkill { Code = "ru", Level = "B1" }],
            MonthlyWage = new WageRange { Min = 1200, Max = 1500, Currency = "USD" },
        });
        var one = Build.Welder() with { MinMonthlyWage = null };
        var other = one with { ExternalRef = "W-2" };

        var first = engine.Judge(one, opening, Build.Query()).Match!.Reasons;
        var second = engine.Judge(other, opening, Build.Query()).Match!.Reasons;

        string[] shared = ["Same occupation", "Russian:", "Experience:", "Wage:", "Abroad", "Pathway:", "The ban from"];
        Assert.All(shared, start => Assert.Same(
            Assert.Single(first, r => r.StartsWith(start, StringComparison.Ordinal)),
            Assert.Single(second, r => r.StartsWith(start, StringComparison.Ordinal))));
    }

    [Fact]
    public void Reasons_InAnotherLanguage_AreNotTheEnglishLines()
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        var opening = Build.Opening("kz-1", "KZ", "Almaty");

        var english = engine.Judge(Build.Welder(), opening, Build.Query()).Match!.Reasons;
        var russian = engine.Judge(Build.Welder(), opening, Build.Query(language: "ru")).Match!.Reasons;

        Assert.Equal(english.Count, russian.Count);
        Assert.All(english.Zip(russian), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Reasons_OfARefugeeGoingHomeToHousing_EndWithRepatriationThenHousing()
    {
        var refugee = Build.Refugee() with { VoluntaryRepatriation = true };
        var opening = Build.Opening("af-kabul", "AF", "Kabul", o => o with { HousingProvided = true });

        var reasons = Build.Engine.Judge(refugee, opening, Build.Query()).Match!.Reasons;

        Assert.Equal([Words.English.VoluntaryRepatriation, Words.English.HousingProvided], reasons.Skip(reasons.Count - 2));
        Assert.StartsWith("Pathway:", reasons[^3], StringComparison.Ordinal);
    }

    [Fact]
    public void Skills_ALicenceAskedAlone_IsCountedAndListed()
    {
        var opening = Build.Opening("tj-1", "TJ", "Dushanbe", o => o with { Skills = [], Licences = ["driving:C"] });

        var reasons = Build.Engine.Judge(Build.Welder(), opening, Build.Query()).Match!.Reasons;

        Assert.Contains("Skills: 1 of 1 asked (driving:c).", reasons);
    }

    [Fact]
    public void Occupation_TwoEquallyClose_WithEqualYears_NamesTheFirstListed()
    {
        var person = Build.Welder() with
        {
            Occupations = [new OccupationExperience { Isco = "7213", Years = 5 }, new OccupationExperience { Isco = "7214", Years = 5 }],
        };

        var reasons = Build.Engine.Judge(person, Build.Opening("tj-1", "TJ", "Dushanbe"), Build.Query()).Match!.Reasons;

        Assert.StartsWith("Related occupation: Welders and flamecutters (7212), close to ", reasons[0], StringComparison.Ordinal);
        Assert.EndsWith("(7213, 5 years).", reasons[0], StringComparison.Ordinal);
    }
}
