using System.Text.Json;
using Reintegration.Digests;
using Reintegration.Digests.Allocation;
using Reintegration.Digests.Rendering;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Tests.Matching;

namespace Reintegration.Tests.Digests;

/// <summary>Rules of the digest run and its renderings that the digests area's Stryker run (474cad8) found unpinned.</summary>
public sealed class DigestAreaTests
{
    private static readonly IsoWeek Week = IsoWeek.Of(Samples.Today);
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static DigestComposer Composer(params OpeningListing[] openings)
    {
        var index = new OpeningIndex(Build.Engine);
        index.Apply(openings);
        return new DigestComposer(Build.Engine, index);
    }

    private static DigestPerson Person(string id, string centre = "c1", IReadOnlySet<string>? seen = null, DateTimeOffset? seenAt = null) =>
        new(centre, id, Build.Welder() with { ExternalRef = "REF-" + id, DisplayName = "Person " + id }, seen ?? new HashSet<string>(),
            seenAt ?? DateTimeOffset.MinValue);

    [Fact]
    public void Compose_WithAnotherAllocator_AllocatesByIt()
    {
        // One position: the congestion cap (3 × 1) lets three of the five have it; plain top k gives it to all five.
        var composer = Composer(Build.Opening("kz-1", "KZ", "Almaty", o => o with { Positions = 1 }));
        var people = Enumerable.Range(0, 5).Select(i => Person($"p{i}")).ToList();

        var capped = composer.Compose(people, ["c1"], Week, GeneratedAt, new DigestOptions()).Digests.Single();
        var plain = composer.Compose(people, ["c1"], Week, GeneratedAt, new DigestOptions(), PlainTopK.Allocate).Digests.Single();

        Assert.Equal(3, capped.Entries.Count(e => e.Recommendations.Count > 0));
        Assert.Equal(5, plain.Entries.Count(e => e.Recommendations.Count > 0));
    }

    [Fact]
    public void OpenListings_AnOpeningWithEveryPositionFilled_IsNotListed()
    {
        var composer = Composer(
            Build.Opening("kz-full", "KZ", "Almaty", o => o with { Positions = 2 }, filled: 2),
            Build.Opening("kz-open", "KZ", "Almaty", o => o with { Positions = 2 }, filled: 1));

        Assert.Equal(["kz-open"], composer.OpenListings(Week).Keys);
    }

    [Fact]
    public void Allocate_AFilledOpeningAmongTheListings_IsNotAnOpeningToReach()
    {
        var listings = new[]
        {
            Build.Opening("kz-full", "KZ", "Almaty", o => o with { Positions = 1 }, filled: 1),
            Build.Opening("kz-open", "KZ", "Almaty"),
        }.ToDictionary(o => o.Id);
        var wishlists = new[] { new Wishlist("p1", [new Candidate("kz-open", 0.9)]) };

        var outcome = DigestComposer.Allocate(wishlists, listings, new DigestOptions(), CoverageFirst.Allocate);

        Assert.Equal(1.0, outcome.Metrics.OpeningsReached);
    }

    [Fact]
    public void Order_ByCentreThenProfile()
    {
        var ordered = DigestComposer.Order([Person("p1", "c2"), Person("p2", "c1"), Person("p1", "c1")]);

        Assert.Equal(["c1/p1", "c1/p2", "c2/p1"], ordered.Select(p => $"{p.CentreId}/{p.ProfileId}"));
    }

    [Fact]
    public void Compose_OpeningChangedAtTheVeryTimeOfThePreviousDigest_DoesNotComeAgain()
    {
        var seenAt = GeneratedAt.AddDays(-7);
        var composer = Composer(Build.Opening("kz-1", "KZ", "Almaty") with { ChangedAt = seenAt });

        var entry = composer.Compose([Person("p1", seen: new HashSet<string> { "kz-1" }, seenAt: seenAt)], ["c1"], Week, GeneratedAt, new DigestOptions())
            .Digests.Single().Entries.Single();

        Assert.Empty(entry.Recommendations);
    }

    [Fact]
    public void Recommendation_InALanguageItLacks_IsInEnglish_WhereverEnglishIsHeld()
    {
        var held = Composer(Build.Opening("kz-1", "KZ", "Almaty")).Compose([Person("p1")], ["c1"], Week, GeneratedAt, new DigestOptions())
            .Digests.Single().Entries.Single().Recommendations.Single();
        var (english, russian) = (held.In("en"), held.In("ru"));

        var recommendation = new DigestRecommendation([KeyValuePair.Create("ru", russian), KeyValuePair.Create("en", english)]);

        Assert.Same(english, recommendation.In("uz"));
        Assert.Same(russian, recommendation.In("ru"));
    }

    [Fact]
    public void StoredRecommendation_WithNoLanguageAtAll_IsRefused()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"profileId": "p1", "externalRef": "R", "displayName": "D", "recommendations": [{}]}""", ReintegrationJsonContext.Default.DigestEntry));

        Assert.Contains("A recommendation needs a language.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderings_CountTheRecommendationsOfEveryPerson()
    {
        var composer = Composer(Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("kz-2", "KZ", "Almaty"));
        var digest = composer.Compose([Person("p1"), Person("p2")], ["c1"], Week, GeneratedAt, new DigestOptions()).Digests.Single();
        Assert.Equal([2, 2], digest.Entries.Select(e => e.Recommendations.Count));

        Assert.Contains("People: 2 · Recommendations: 4\n", DigestMarkdown.Render(digest, "Khujand", "en"), StringComparison.Ordinal);
        Assert.Contains("People: 2 · Recommendations: 4</p>", DigestHtml.Render(digest, "Khujand", "en"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line one\r\nline two", "line one  line two")]
    [InlineData("www.evil.example", "www\\.evil.example")]
    [InlineData("see WWW.evil.example", "see WWW\\.evil.example")]
    [InlineData("ww.example", "ww.example")]
    public void Markdown_Escape_BreaksLinesAndAutolinks(string text, string expected) =>
        Assert.Equal(expected, DigestMarkdown.Escape(text));
}
