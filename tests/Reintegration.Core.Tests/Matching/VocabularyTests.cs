using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Matching.Eligibility;
using Reintegration.Matching.Scoring;
using Reintegration.Reference;

namespace Reintegration.Tests.Matching;

/// <summary>
/// Skills, licences and languages are compared by number (<see cref="Vocabulary"/>). Numbers come from
/// openings, so a person compiled before an opening that brings a text new to the engine must still be
/// found to hold it: the ranking reads a snapshot of openings a person may have been compiled against.
/// </summary>
public sealed class VocabularyTests
{
    [Fact]
    public void Skill_FirstBroughtByAnOpeningCompiledAfterThePerson_IsHeld()
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        var person = engine.Compile(Build.Welder() with { Skills = ["Underwater Welding"], Licences = [] });
        var opening = engine.Compile(
            Build.Opening("o", "KZ", "Almaty", o => o with { Skills = ["underwater welding", "rigging"], Licences = [] }));

        Assert.Equal(0.5, SkillScore.Of(person, opening));
    }

    [Fact]
    public void Licence_FirstBroughtByAnOpeningCompiledAfterThePerson_IsNotLacking()
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        var person = engine.Compile(Build.Welder() with { Licences = ["crane operator"] });
        var held = engine.Compile(Build.Opening("a", "KZ", "Almaty", o => o with { Licences = ["Crane  Operator"] }));
        var other = engine.Compile(Build.Opening("b", "KZ", "Almaty", o => o with { Licences = ["forklift"] }));

        Assert.False(OpenAndReachableRule.LacksLicence(person, held));
        Assert.True(OpenAndReachableRule.LacksLicence(person, other));
    }

    [Fact]
    public void Language_FirstBroughtByAnOpeningCompiledAfterThePerson_CountsAtItsLevel()
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        var person = engine.Compile(Build.Welder() with { Languages = [new LanguageSkill { Code = "tg", Level = "B1" }] });
        var opening = engine.Compile(Build.Opening("o", "KZ", "Almaty", o => o with { Languages = [new() { Code = "tg", Level = "B2" }] }));

        Assert.Equal(0.75, LanguageScore.Of(person, opening));
    }

    [Fact]
    public void Skill_NumberedBeforeThePerson_IsHeldOnlyWhenThePersonListsIt()
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        var opening = engine.Compile(Build.Opening("o", "KZ", "Almaty", o => o with { Skills = ["welding", "rigging"], Licences = [] }));
        var person = engine.Compile(Build.Welder() with { Skills = ["welding", "painting"], Licences = [] });

        Assert.Equal(0.5, SkillScore.Of(person, opening));
    }

    [Fact]
    public void Vocabulary_NumbersOnlyWhatOpeningsBring()
    {
        var vocabulary = new Vocabulary();
        var first = vocabulary.IdOf("welding");

        var held = vocabulary.Held(["welding", "painting"]);

        Assert.Equal(first, vocabulary.IdOf("welding"));
        Assert.Equal(0, held.IndexOf(first, "welding"));
        Assert.Equal(1, vocabulary.IdOf("rigging"));
        Assert.Equal(-1, held.IndexOf(1, "rigging"));
        Assert.Equal(1, held.IndexOf(vocabulary.IdOf("painting"), "painting"));
    }
}
