using System.Text.Json;
using Reintegration.Digests;
using Reintegration.Digests.Rendering;
using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Matching.Index;
using Reintegration.Tests.Matching;

namespace Reintegration.Tests.Localisation;

/// <summary>A digest as each language renders it, pinned word for word; and the stored shape it is read back from.</summary>
public sealed class DigestWordsTests
{
    public static TheoryData<string> Languages => [.. Words.Codes];

    private static Digest Digest()
    {
        var index = new OpeningIndex(Build.Engine);
        index.Apply(Scenes.All.Where(s => s.Name.StartsWith("abroad, everything", StringComparison.Ordinal) || s.Name.StartsWith("home region", StringComparison.Ordinal))
            .Select(s => s.Opening));
        var welder = Scenes.All[0].Profile with { DisplayName = "F. K.", ExternalRef = "DUSH-2026-0042" };
        var cook = welder with { DisplayName = "A. <b>B</b>", ExternalRef = "DUSH-2026-0043", Occupations = [new OccupationExperience { Isco = "5120", Years = 3 }] };
        var people = new[]
        {
            new DigestPerson("c1", "p1", welder, new HashSet<string>(), DateTimeOffset.MinValue),
            new DigestPerson("c1", "p2", cook, new HashSet<string>(), DateTimeOffset.MinValue),
        };
        var generatedAt = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
        return new DigestComposer(Build.Engine, index).Compose(people, ["c1"], IsoWeek.Of(Samples.Today), generatedAt, new DigestOptions()).Digests.Single();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Markdown_ReadsAsPinned(string language) =>
        Golden.Verify($"digest.{language}.md", Golden.WithoutSeededObtain(DigestMarkdown.Render(Digest(), "Khujand & Co", language)));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Html_ReadsAsPinned(string language) =>
        Golden.Verify($"digest.{language}.html", Golden.WithoutSeededObtain(DigestHtml.Render(Digest(), "Khujand & Co", language)));

    [Fact]
    public void StoredRecommendation_HoldsEachLanguageUnderItsCode()
    {
        var json = JsonSerializer.SerializeToElement(Digest(), ReintegrationJsonContext.Default.Digest);

        var recommendation = json.GetProperty("entries")[0].GetProperty("recommendations")[0];

        Assert.Equal(Words.Codes, recommendation.EnumerateObject().Select(p => p.Name));
        Assert.Equal("tj-khujand", recommendation.GetProperty("ru").GetProperty("openingId").GetString());
        Assert.StartsWith("Та же профессия", recommendation.GetProperty("ru").GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StoredRecommendation_WithoutALanguage_RendersInEnglish()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(Digest(), ReintegrationJsonContext.Default.Digest))!;
        json["entries"]![0]!["recommendations"]![0]!.AsObject().Remove("ru");

        var stored = json.Deserialize(ReintegrationJsonContext.Default.Digest)!;

        var recommendation = stored.Entries[0].Recommendations[0];
        Assert.Equal(["en"], recommendation.ByLanguage.Select(p => p.Key));
        Assert.Same(recommendation.In("en"), recommendation.In("ru"));
        Assert.Equal(Digest().Entries[0].Recommendations[0].In("en").Reasons, recommendation.In("ru").Reasons);
    }
}
