using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Reference;
using Reintegration.Tests.Matching;

namespace Reintegration.Tests.Localisation;

/// <summary>
/// Every language's table is complete: listed, named by a real code, with a name for everything in
/// the reference data it writes about, and a sentence of its own for every scene. (The compiler already
/// asks each table for every sentence; these ask that what it gives is there and is not English.)
/// </summary>
public sealed class WordsTests
{
    private static readonly ReferenceData Reference = ReferenceData.Shared;

    public static TheoryData<string> Languages => [.. Words.Codes];

    public static TheoryData<string> Translations => [.. Words.Codes.Where(code => code != Words.English.Code)];

    [Fact]
    public void EveryTable_IsListed()
    {
        var tables = typeof(Words).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Words)) && !t.IsAbstract);

        Assert.Equal(tables.OrderBy(t => t.Name), Words.All.Select(w => w.GetType()).OrderBy(t => t.Name));
    }

    [Fact]
    public void Codes_AreDistinctIso639_1Codes()
    {
        Assert.Equal(Words.Codes.Count, Words.Codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Words.Codes, code => Assert.NotNull(Reference.Languages.Find(code)));
    }

    [Fact]
    public void For_ALanguageWithoutATable_IsEnglish() => Assert.Same(Words.English, Words.For("uz"));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Table_NamesEveryCountryLanguageOccupationAndPathway(string code)
    {
        var words = Words.For(code);

        Assert.Equal(code, words.Code);
        Assert.All(Reference.Countries.AllNames, country => Written(words.Name(country), country.ToString()));
        Assert.All(Reference.Languages.All, language => Written(words.Name(language), language.Code));
        Assert.All(Reference.Occupations.All, occupation => Written(words.Title(occupation), occupation.Code));
        Assert.All(Reference.Mobility.All, regime => Written(words.Obtain(regime), regime.ToString()));
        var pathways = Enum.GetValues<Pathway>().Select(words.PathwayName).ToList();
        Assert.All(pathways, name => Written(name, "a pathway"));
        Assert.Equal(pathways.Count, pathways.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Table_WritesEverySentenceInItsOwnWords(string code)
    {
        var english = Sentences(Words.English.Code);

        var translated = Sentences(code);

        Assert.Equal(english.Count, translated.Count);
        Assert.All(english.Zip(translated), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Table_HasDigestWordsOfItsOwn(string code)
    {
        var english = Words.English.Digest;
        var translated = Words.For(code).Digest;

        Assert.All(
            [(english.Title, translated.Title), (english.Week, translated.Week), (english.Generated, translated.Generated),
             (english.People, translated.People), (english.Recommendations, translated.Recommendations),
             (english.NothingNew, translated.NothingNew), (english.Score, translated.Score), (english.Pathway, translated.Pathway),
             (english.Reference, translated.Reference)],
            pair => Assert.NotEqual(pair.Item1, pair.Item2));
    }

    private static void Written(string text, string what) => Assert.False(string.IsNullOrWhiteSpace(text), $"no words for {what}");

    /// <summary>Every sentence the scenes call for, in scene order, and the verdict on an opening its publisher closed.</summary>
    private static List<string> Sentences(string code) =>
        Scenes.All.Select(scene => Build.Engine.Judge(scene.Profile, scene.Opening, Build.Query(language: code)))
            .SelectMany(verdict => verdict.Match is { } match ? match.Reasons : [verdict.Explanation])
            .Append(Words.For(code).ClosedByPublisher)
            .ToList();
}
