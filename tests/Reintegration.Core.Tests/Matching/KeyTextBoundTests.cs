using CsCheck;
using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Matching.Scoring;
using Reintegration.Reference;

namespace Reintegration.Tests.Matching;

/// <summary>
/// The skills and language components bounded from an opening's index key, by the bits of its texts' numbers:
/// never below the components (whatever the numbering: bits shared by two texts, texts numbered after the person),
/// and below 1 when the person lacks the opening's texts, so that the walk drops it without reading it.
/// </summary>
public sealed class KeyTextBoundTests
{
    private static readonly Profile Person = Build.Welder() with
    {
        Skills = ["mig welding"],
        Licences = [],
        Languages = [new LanguageSkill { Code = "ru", Level = "C1" }, new LanguageSkill { Code = "en", Level = "A2" }],
    };

    [Fact]
    public void KeyBound_OpeningAskingOnlySkillsAndLanguagesThePersonLacks_IsItsScore()
    {
        // Its texts numbered before the person is compiled, each on a bit of its own: the bits tell they are not held.
        var engine = new MatchingEngine(ReferenceData.Shared);
        var opening = engine.Compile(Build.Opening("tj-a", "TJ", "Khujand", o => o with
        {
            Isco = "7212",
            Location = Person.Home,
            Skills = ["masonry", "cooking"],
            Licences = ["driving:C"],
            Languages = [new LanguageSkill { Code = "tg", Level = "B1" }],
            MinYears = 0,
            MonthlyWage = null,
        }));
        var seeker = engine.Compile(Person);
        var tier = LocationScore.TierOf(seeker, opening);

        var bound = KeyBound(engine, seeker, opening, tier);

        Assert.Equal((0, 0), (SkillScore.AtMost(seeker, OpeningKey.Of(opening)), LanguageScore.AtMost(seeker, OpeningKey.Of(opening))));
        Assert.Equal(Nearness.SameRegion, tier);
        Assert.Equal(engine.Scorer.Score(seeker, opening).Score, bound);
        Assert.True(bound < engine.Scorer.QuickBound(seeker, opening, tier), $"key bound {bound:R} not below the quick bound");
    }

    [Fact]
    public void AtMost_SomeSkillsHeld_LanguageSpokenBelowItsLevel_CountsHeldOnesAndSpokenOnesWhole()
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        var opening = engine.Compile(Build.Opening("tj-a", "TJ", "Khujand", o => o with
        {
            Skills = ["mig welding", "masonry", "cooking", "forklift"],
            Licences = [],
            Languages = [new LanguageSkill { Code = "en", Level = "B2" }, new LanguageSkill { Code = "tg", Level = "B1" }],
        }));
        var seeker = engine.Compile(Person);
        var key = OpeningKey.Of(opening);

        Assert.Equal((0.25, 0.5), (SkillScore.AtMost(seeker, key), LanguageScore.AtMost(seeker, key)));
        Assert.Equal(0.25, SkillScore.Of(seeker, opening));
        Assert.True(LanguageScore.Of(seeker, opening) < 0.5);
    }

    [Fact]
    public void AtMost_OpeningAskingNothing_IsOne()
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        var opening = engine.Compile(Build.Opening("tj-a", "TJ", "Khujand", o => o with { Skills = [], Licences = [], Languages = [] }));
        var key = OpeningKey.Of(engine.Compile(Build.Opening("tj-b", "TJ", "Khujand", o => o with { Skills = ["masonry"] })));
        var seeker = engine.Compile(Person);

        Assert.Equal((1, 1), (SkillScore.AtMost(seeker, OpeningKey.Of(opening)), LanguageScore.AtMost(seeker, OpeningKey.Of(opening))));
        Assert.Equal(-1, OpeningKey.Of(opening).LastNumber);
        Assert.True(key.LastNumber >= 0);
    }

    [Fact]
    public void SkillsAtMost_PersonsSkillNumberedOnlyByALaterOpening_IsOne()
    {
        // The person is compiled before any opening brings "cooking": they hold it by spelling, with no number, and the
        // opening then numbers it first of all that follow the person (its highest number is where spelling starts).
        var (seeker, opening) = PersonThenOpening(
            Person with { Skills = ["cooking"] }, o => o with { Skills = ["cooking"], Licences = [], Languages = [] });
        var key = OpeningKey.Of(opening);

        Assert.Equal(seeker.SkillBits.SpelledFrom, key.LastNumber);
        Assert.Equal(1, SkillScore.Of(seeker, opening));
        Assert.Equal(1, SkillScore.AtMost(seeker, key));
    }

    [Fact]
    public void LanguageAtMost_PersonsLanguageNumberedOnlyByALaterOpening_IsOne()
    {
        var (seeker, opening) = PersonThenOpening(
            Person with { Languages = [new LanguageSkill { Code = "tg", Level = "C1" }] },
            o => o with { Skills = [], Licences = [], Languages = [new LanguageSkill { Code = "tg", Level = "B1" }] });
        var key = OpeningKey.Of(opening);

        Assert.Equal(seeker.LanguageBits.SpelledFrom, key.LastNumber);
        Assert.Equal(1, LanguageScore.Of(seeker, opening));
        Assert.Equal(1, LanguageScore.AtMost(seeker, key));
    }

    [Fact]
    public void AtMost_TwoOfTheOpeningsTextsOnOneBit_AllowsBothHeld()
    {
        // 64 texts numbered first: "cooking" then takes number 64, on the bit of number 0 ("mig welding").
        var engine = new MatchingEngine(ReferenceData.Shared);
        engine.Compile(Build.Opening("tj-0", "TJ", "Khujand", o => o with
        {
            Skills = ["mig welding", .. Enumerable.Range(1, 63).Select(i => $"filler {i}")],
            Licences = [],
            Languages = [],
        }));
        var opening = engine.Compile(Build.Opening("tj-a", "TJ", "Khujand", o => o with
        {
            Skills = ["mig welding", "cooking", "masonry"],
            Licences = [],
        }));
        var seeker = engine.Compile(Person with { Skills = ["mig welding", "cooking"] });
        var key = OpeningKey.Of(opening);

        Assert.Equal([0, 64, 65], opening.SkillIds);
        Assert.Equal(2.0 / 3, SkillScore.Of(seeker, opening));
        Assert.Equal(2.0 / 3, SkillScore.AtMost(seeker, key));
    }

    [Fact]
    public void MostHeld_OneForEachSharedBit_PlusOneForEachOfTheOpeningsTextsOnATakenBit()
    {
        var person = new NumberBits(0b0101, int.MaxValue);

        Assert.Equal(0, person.MostHeld(0b1010, 2));
        Assert.Equal(1, person.MostHeld(0b0011, 2));
        Assert.Equal(3, person.MostHeld(0b0011, 4));
        Assert.Equal(2, person.MostHeld(0b0101, 2));
    }

    [Fact]
    public void Of_NumbersOnOneBit_SetItOnce() => Assert.Equal(1UL | (1UL << 3), NumberBits.Of([0, 64, 3]));

    [Fact]
    public void HeldTextsBits_FromTheNumbered_SpelledFromTheCountWhenOneHasNone()
    {
        Assert.Equal(new NumberBits((1UL << 3) | (1UL << 6), int.MaxValue), new HeldTexts(["a", "b"], [3, 70], 80).Bits);
        Assert.Equal(new NumberBits(1UL << 3, 80), new HeldTexts(["a", "b"], [3, HeldTexts.Unnumbered], 80).Bits);
        Assert.Equal(new NumberBits(0, 80), new HeldTexts(["a"], [HeldTexts.Unnumbered], 80).Bits);
        Assert.Equal(new NumberBits(1UL << 3, 12), new NumberBits(1UL << 3, 80).With(new NumberBits(0, 12)));
    }

    /// <summary>
    /// Texts t0, t1, … numbered in that order up to a random count before the person is compiled (those after it
    /// are not, until the opening brings them), the opening compiled before or after the person: texts share bits
    /// (t0 and t64), some are held by spelling only. Weights random, as the other bounds' property takes them.
    /// </summary>
    [Fact]
    public void KeyBound_TextsNumberedAnyhow_NeverBelowTheScore()
    {
        var text = Gen.OneOf(Gen.Int[0, 140], Gen.OneOf(0, 1, 64, 65, 128, 129)).Select(i => $"t{i}");
        var language = Gen.Select(text, Gen.OneOf(Gens.Levels), (code, level) => new LanguageSkill { Code = code, Level = level });
        var gen =
            from po in Gens.PersonAndOpening
            from numbered in Gen.Int[0, 141]
            from openingFirst in Gen.Bool
            from skills in text.Array[0, 6]
            from licences in text.Array[0, 2]
            from languages in language.Array[0, 4]
            from asked in text.Array[0, 6]
            from askedLicences in text.Array[0, 2]
            from required in language.Array[0, 4]
            from w in Gen.Double[0, 1].Array[7]
            select (
                po.Person with { Skills = [.. skills], Licences = [.. licences], Languages = [.. languages.DistinctBy(l => l.Code)] },
                po.Opening with
                {
                    Opening = po.Opening.Opening with
                    {
                        Skills = [.. asked], Licences = [.. askedLicences], Languages = [.. required.DistinctBy(l => l.Code)],
                    },
                },
                numbered, openingFirst, w);
        gen.Sample((profile, listing, numbered, openingFirst, w) =>
        {
            var weights = new ScoringWeights { Occupation = w[0], Skills = w[1], Language = w[2], Experience = w[3], Location = w[4], Wage = w[5], Pathway = w[6] };
            if (weights.Problem() is not null)
            {
                return;
            }

            var engine = new MatchingEngine(ReferenceData.Shared, weights);
            engine.Compile(listing with
            {
                Opening = listing.Opening with { Skills = [.. Enumerable.Range(0, numbered).Select(i => $"t{i}")], Licences = [], Languages = [] },
            });
            var opening = openingFirst ? engine.Compile(listing) : null;
            var seeker = engine.Compile(profile);
            opening ??= engine.Compile(listing);
            var (key, tier) = (OpeningKey.Of(opening), LocationScore.TierOf(seeker, opening));
            var partial = engine.Scorer.PartialWithoutLocation(seeker, opening);

            Assert.True(SkillScore.AtMost(seeker, key) >= partial.Skills, $"skills at most {SkillScore.AtMost(seeker, key):R}, are {partial.Skills:R}");
            Assert.True(LanguageScore.AtMost(seeker, key) >= partial.Language, $"language at most {LanguageScore.AtMost(seeker, key):R}");
            var bound = KeyBound(engine, seeker, opening, tier);
            var upper = engine.Scorer.UpperBound(partial, tier);
            Assert.True(bound >= upper, $"the key's bound {bound:R} is below the upper bound {upper:R}");
            Assert.True(bound >= engine.Scorer.Score(seeker, opening).Score, $"the key's bound {bound:R} is below the score");
        }, iter: PropertyRuns.Iter(400));
    }

    /// <summary>A fresh vocabulary, the person compiled before the opening (which numbers what it brings after the person).</summary>
    private static (Seeker Seeker, CandidateOpening Opening) PersonThenOpening(Profile person, Func<Opening, Opening> opening)
    {
        var engine = new MatchingEngine(ReferenceData.Shared);
        engine.Compile(Build.Opening("tj-0", "TJ", "Khujand", o => o with { Skills = ["mig welding"], Licences = [], Languages = [] }));
        var seeker = engine.Compile(person);
        return (seeker, engine.Compile(Build.Opening("tj-a", "TJ", "Khujand", opening)));
    }

    private static double KeyBound(MatchingEngine engine, Seeker seeker, CandidateOpening opening, Nearness tier) =>
        engine.Scorer.KeyBound(
            seeker, OpeningKey.Of(opening), OccupationFit.Of(seeker, opening.Isco),
            PathwayScore.Of(seeker.Regimes[opening.Country].Pathway, opening.PermitSponsorship), tier);
}
