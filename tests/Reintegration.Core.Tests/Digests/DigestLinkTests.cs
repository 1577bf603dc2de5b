using Markdig;
using Reintegration.Digests;
using Reintegration.Digests.Rendering;
using Reintegration.Matching.Index;
using Reintegration.Tests.Matching;

namespace Reintegration.Tests.Digests;

/// <summary>Nothing in a digest becomes a link that the service did not make one, whatever an opening's publisher wrote.</summary>
public sealed class DigestLinkTests
{
    private const string Lure = "Driver - apply at https://evil.example/uz or www.evil.example, hr@evil.example, +998 90 000 0000 [click](https://evil.example)";

    private static Digest LureDigest()
    {
        var lure = Build.Opening("kz-1", "KZ", "Almaty");
        lure = lure with { Opening = lure.Opening with { Title = Lure } };
        var index = new OpeningIndex(Build.Engine);
        index.Apply([lure]);
        var person = new DigestPerson("c1", "p1", Build.Welder() with { ExternalRef = "REF-p1" }, new HashSet<string>(), DateTimeOffset.MinValue);
        return new DigestComposer(Build.Engine, index)
            .Compose([person], ["c1"], IsoWeek.Of(Samples.Today), new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero), new DigestOptions())
            .Digests.Single();
    }

    [Fact]
    public void Markdown_WithALureTitle_RendersNoLink_InAMarkdownRendererThatAutolinks()
    {
        var markdown = DigestMarkdown.Render(LureDigest(), "Khujand", "en");

        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        Assert.Contains("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_WithALureTitle_HasNoLinkAndNoMarkup()
    {
        var html = DigestHtml.Render(LureDigest(), "Khujand", "en");

        Assert.Contains("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }
}
