using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Tests.Matching;

/// <summary>Rules of the matching root that the index's Stryker run (6615db3) found unpinned.</summary>
public sealed class IndexAreaTests
{
    public static TheoryData<ScoringWeights, string?> Weights => new()
    {
        { ScoringWeights.Default, null },
        { new ScoringWeights { Occupation = 1, Skills = 0, Language = 0, Experience = 0, Location = 0, Wage = 0, Pathway = 0 }, null },
        { ScoringWeights.Default with { Wage = -0.01 }, "Weights must be finite and non-negative." },
        { ScoringWeights.Default with { Location = double.NaN }, "Weights must be finite and non-negative." },
        { ScoringWeights.Default with { Pathway = double.PositiveInfinity }, "Weights must be finite and non-negative." },
        { new ScoringWeights { Occupation = 0, Skills = 0, Language = 0, Experience = 0, Location = 0, Wage = 0, Pathway = 0 }, "At least one weight must be positive." },
    };

    [Theory]
    [MemberData(nameof(Weights))]
    public void ScoringWeights_Problem_OneNegativeOrNonFiniteWeight_OrNoPositiveOne(ScoringWeights weights, string? expected) =>
        Assert.Equal(expected, weights.Problem());

    [Fact]
    public void Match_TopZero_OffersNothing_ButStillCountsExclusions()
    {
        var result = Build.Match(Build.Welder(), Build.Query(top: 0), Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("by-1", "BY", "Minsk"));

        Assert.Empty(result.Matches);
        Assert.Equal(1, result.Excluded.ReentryBan);
    }

    [Fact]
    public void Judge_Offered_ExplainsWithItsReasonsJoinedBySpaces()
    {
        var verdict = Build.Engine.Judge(Build.Welder(), Build.Opening("kz-1", "KZ", "Almaty"), Build.Query());

        Assert.NotNull(verdict.Match);
        Assert.True(verdict.Match.Reasons.Count > 1);
        Assert.Equal(string.Join(" ", verdict.Match.Reasons), verdict.Explanation);
    }

    [Fact]
    public void MatchEachInEveryLanguage_AnOpeningAHardRuleExcludes_IsLeftOut()
    {
        // Banned from Russia, the welder may not work in Belarus either (the Union State shares its entry ban).
        var openings = new[] { Build.Opening("by-1", "BY", "Minsk"), Build.Opening("kz-1", "KZ", "Almaty") }
            .Select(Build.Engine.Compile).ToList();

        var matches = Build.Engine.MatchEachInEveryLanguage(Build.Welder(), openings, Samples.Today);

        Assert.Equal(["kz-1"], matches.Select(m => m[0].Value.OpeningId));
    }

    [Fact]
    public void CountryIndex_UnknownState_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Build.Engine.Countries.IndexOf("DE"));

        Assert.StartsWith("'DE' is not a state of the region.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A million openings mostly ask none of these: one shared empty array each, not one per opening.</summary>
    [Fact]
    public void Compile_OpeningsAskingNoSkillsLicencesOrLanguages_ShareOneEmptyArrayOfEach()
    {
        var (a, b) = (Compiled("kz-1"), Compiled("kz-2"));

        Assert.Same(a.SkillIds, b.SkillIds);
        Assert.Same(a.LicenceIds, b.LicenceIds);
        Assert.Same(a.LanguageIds, b.LanguageIds);

        static CandidateOpening Compiled(string id) =>
            Build.Engine.Compile(Build.Opening(id, "KZ", "Almaty", o => o with { Skills = [], Licences = [], Languages = [] }));
    }

    /// <summary>An opening may ask up to 50 languages: its explanation has a line for each, however few bans the person has.</summary>
    [Fact]
    public void Judge_AnOpeningAskingManyLanguages_IsExplainedWithALineForEach()
    {
        string[] codes = ["ru", "en", "kk", "ky", "tg", "uz", "tr", "zh", "fa", "ar", "de"];
        var asked = codes.Select(c => new LanguageSkill { Code = c, Level = "A1" }).ToArray();
        var opening = Build.Opening("kz-1", "KZ", "Almaty", o => o with { Languages = asked });

        var verdict = Build.Engine.Judge(Build.Welder() with { Bans = [] }, opening, Build.Query());

        Assert.NotNull(verdict.Match);
        Assert.True(verdict.Match.Reasons.Count > codes.Length);
    }
}
