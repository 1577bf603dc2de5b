using CsCheck;
using Reintegration.Matching;

namespace Reintegration.Tests.Matching;

/// <summary>
/// Skills compare normalised. Most texts come already normal and are given back as they are; the
/// property pins that this shortcut answers exactly as splitting, joining and lower-casing would.
/// </summary>
public sealed class TextTests
{
    [Theory]
    [InlineData("welding", "welding")]
    [InlineData("arc welding", "arc welding")]
    [InlineData("Arc Welding", "arc welding")]
    [InlineData("  arc   welding ", "arc welding")]
    [InlineData("arc\twelding\n", "arc welding")]
    [InlineData("arc\u00A0welding", "arc welding")]
    [InlineData("Сварка Труб", "сварка труб")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    public void Normalise_TrimsSingleSpacesAndLowers(string text, string expected) => Assert.Equal(expected, Text.Normalise(text));

    /// <summary>A compiled opening shares its texts with the listing (and a snapshot's loaded openings with each other) only so.</summary>
    [Theory]
    [InlineData("arc welding")]
    [InlineData("сварка труб")]
    public void Normalise_TextAlreadyNormal_IsGivenBackItself(string text) => Assert.Same(text, Text.Normalise(text));

    [Fact]
    public void Normalise_AnyText_EqualsSplitJoinAndLower() =>
        Gen.OneOf(Gen.String[Gen.Char["aZ \t\n\u00A0É\u2003b"], 0, 12], Gen.String).Sample(text =>
            Text.Normalise(text) == string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant());

    [Fact]
    public void NormaliseAll_DropsEmptiesAndRepeats_KeepingFirstOrder() =>
        Assert.Equal(["b", "a"], Text.NormaliseAll(["B", " ", "a", "b ", "A"]));

    /// <summary>Openings mostly list their skills in normal form already: the array itself is kept, not a copy per opening.</summary>
    [Fact]
    public void NormaliseAll_AllNormalAndDistinct_IsGivenBackItself()
    {
        string[] texts = ["arc welding", "rigging", "driving:c"];

        Assert.Same(texts, Text.NormaliseAll(texts));
    }

    [Theory]
    [InlineData(new[] { "welding", "welding" }, new[] { "welding" })]
    [InlineData(new[] { "welding", "" }, new[] { "welding" })]
    public void NormaliseAll_ARepeatOrAnEmptyAmongNormalTexts_IsDropped(string[] texts, string[] expected) =>
        Assert.Equal(expected, Text.NormaliseAll(texts));
}
