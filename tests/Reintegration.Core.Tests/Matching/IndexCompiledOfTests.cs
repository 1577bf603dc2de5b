using Reintegration.Matching.Index;

namespace Reintegration.Tests.Matching;

/// <summary>A digest explains its recommendations with the openings as the index compiled them, not compiled again.</summary>
public sealed class IndexCompiledOfTests
{
    [Fact]
    public void CompiledOf_TheListingHeld_IsTheIndexsCompiledOpening()
    {
        var index = new OpeningIndex(Build.Engine);
        var listing = Build.Opening("kz-1", "KZ", "Almaty");
        index.Apply([listing, Build.Opening("kz-2", "KZ", "Astana")]);

        var compiled = index.CompiledOf(listing);

        Assert.NotNull(compiled);
        Assert.Same(listing, compiled.Listing);
        Assert.Same(compiled, index.CompiledOf(listing));
    }

    [Fact]
    public void CompiledOf_AListingReplacedSince_OrNeverHeld_IsNone()
    {
        var index = new OpeningIndex(Build.Engine);
        var before = Build.Opening("kz-1", "KZ", "Almaty");
        index.Apply([before]);
        var after = Build.Opening("kz-1", "KZ", "Astana");
        index.Upsert(after);

        Assert.Null(index.CompiledOf(before));
        Assert.Same(after, index.CompiledOf(after)?.Listing);
        Assert.Null(index.CompiledOf(Build.Opening("kz-9", "KZ", "Almaty")));
        index.Remove("kz-1");
        Assert.Null(index.CompiledOf(after));
    }
}
