using Reintegration.Digests;
using Reintegration.Digests.Allocation;
using Reintegration.Domain;
using Reintegration.Matching.Index;
using Reintegration.Tests.Matching;

namespace Reintegration.Tests.Digests;

/// <summary>The fair-share rule: copies of people (an echo flood) change nothing for anyone else.</summary>
public sealed class FairShareTests
{
    private static readonly IsoWeek Week = IsoWeek.Of(Samples.Today);
    private static readonly DateTimeOffset Before = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset After = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>B's people: welders with different years, so each is a person of its own.</summary>
    private static List<DigestPerson> CentreB(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new DigestPerson("centre-b", $"b{i:D3}",
            Build.Welder() with { ExternalRef = $"B-{i}", Occupations = [new OccupationExperience { Isco = "7212", Years = i % 40 }], AvailableFrom = null },
            new HashSet<string>(), DateTimeOffset.MinValue) { CreatedAt = Before }),
    ];

    /// <summary>What centre A uploads: each of B's people copied <paramref name="times"/> times, under new references and names.</summary>
    private static List<DigestPerson> Clones(IReadOnlyList<DigestPerson> originals, int times) =>
    [
        .. originals.SelectMany((p, i) => Enumerable.Range(0, times).Select(k => new DigestPerson("centre-a", $"a{i:D3}{k}",
            p.Profile with { ExternalRef = $"A-{i}-{k}", DisplayName = "X. Y." }, new HashSet<string>(), DateTimeOffset.MinValue) { CreatedAt = After })),
    ];

    /// <summary>Few places: five openings of two positions each, so at most thirty recommendations under the cap.</summary>
    private static DigestComposer Composer()
    {
        var index = new OpeningIndex(Build.Engine);
        index.Apply(Enumerable.Range(0, 5).Select(i => Build.Opening($"kz-{i}", "KZ", "Almaty", o => o with { Positions = 2 })));
        return new DigestComposer(Build.Engine, index);
    }

    private static Dictionary<string, string[]> Recommended(DigestRun run, string centre) =>
        run.Digests.Single(d => d.CentreId == centre).Entries.ToDictionary(e => e.ProfileId, e => e.Recommendations.Select(r => r.OpeningId).ToArray());

    [Fact]
    public void CloneFlood_FourHundredFiftyCopiesOfAnotherCentresPeople_ChangesNothingForThem()
    {
        var b = CentreB(150);
        var alone = Composer().Compose(b, ["centre-a", "centre-b"], Week, After, new DigestOptions());

        var flooded = Composer().Compose([.. b, .. Clones(b, 3)], ["centre-a", "centre-b"], Week, After, new DigestOptions());

        Assert.Equal(Recommended(alone, "centre-b"), Recommended(flooded, "centre-b"));
        Assert.True(Recommended(alone, "centre-b").Values.Sum(r => r.Length) > 0);
    }

    [Fact]
    public void CloneFlood_WithoutTheRule_WouldTakeBsPlaces()
    {
        // The same flood allocated as if every profile were a person: B's people lose recommendations.
        var b = CentreB(150);
        var people = DigestComposer.Order([.. b, .. Clones(b, 3)]);
        var composer = Composer();
        var openings = composer.OpenListings(Week);
        var wishlists = composer.Wishlists(people, openings, Week, new DigestOptions());
        var plain = DigestComposer.Allocate(wishlists, openings, new DigestOptions(), CoverageFirst.Allocate).Assignments;
        var fair = DigestComposer.Allocate(wishlists, openings, new DigestOptions(), EchoesLast.Around(CoverageFirst.Allocate, Echoes.Of(people))).Assignments;

        int ForB(IReadOnlyList<Assignment> assignments) => assignments.Where(a => a.PersonId.StartsWith('b')).Sum(a => a.Openings.Count);
        Assert.True(ForB(fair) > ForB(plain), $"B's people got {ForB(fair)} with the rule and {ForB(plain)} without");
    }

    [Fact]
    public void Echoes_AreTheCopiesInAnotherCentre_NotEqualProfilesOfTheFirstCentre()
    {
        var b = CentreB(3);
        var clones = Clones(b, 2);
        var own = b[0] with { ProfileId = "b-own-copy", CreatedAt = After };

        var echoes = Echoes.Of([.. clones, own, .. b]);

        Assert.Equal(clones.Select(c => c.ProfileId).Order(), echoes.Order());
    }

    [Fact]
    public void Echoes_WhenTheCopyCameFirst_AreTheLaterCentresProfiles()
    {
        var early = CentreB(1)[0] with { CentreId = "centre-a", ProfileId = "a000", CreatedAt = Before.AddDays(-1) };

        Assert.Equal(["b000"], Echoes.Of([early, .. CentreB(1)]));
    }

    [Fact]
    public void Echoes_OfTwoEqualProfilesStoredAtOnce_IsTheOneOfTheLaterCentreAndId()
    {
        var first = CentreB(1)[0];
        var twin = first with { CentreId = "centre-c", ProfileId = "c000" };

        Assert.Equal(["c000"], Echoes.Of([twin, first]));
    }

    [Fact]
    public void Echoes_OfTwoEqualProfilesStoredAtOnce_InEitherOrder_IsTheOneOfTheLaterCentre()
    {
        var first = CentreB(1)[0];
        var twin = first with { CentreId = "centre-c", ProfileId = "c000" };

        Assert.Equal(["c000"], Echoes.Of([first, twin]));
        Assert.Equal(["c000"], Echoes.Of([twin, first]));
    }

    [Fact]
    public void Echoes_TheEarlierStoredIsTheFirst_EvenInALaterCentreById()
    {
        var early = CentreB(1)[0] with { CentreId = "centre-z", ProfileId = "z000", CreatedAt = Before.AddDays(-1) };

        Assert.Equal(["b000"], Echoes.Of([.. CentreB(1), early]));
        Assert.Equal(["b000"], Echoes.Of([early, .. CentreB(1)]));
    }

    [Fact]
    public void EchoesLast_GivesEchoesOnlyWhatOthersLeft_AndNeverPassesACap()
    {
        var problem = new AllocationProblem(
            [new Wishlist("p", [new Candidate("o1", 0.9), new Candidate("o2", 0.5)]), new Wishlist("echo", [new Candidate("o1", 0.95), new Candidate("o2", 0.6)])],
            new Dictionary<string, int> { ["o1"] = 1, ["o2"] = 1 }, 1);

        var assignments = EchoesLast.Around(CoverageFirst.Allocate, new HashSet<string> { "echo" })(problem);

        Assert.Equal(["o1"], assignments.Single(a => a.PersonId == "p").Openings.Select(c => c.OpeningId));
        Assert.Equal(["o2"], assignments.Single(a => a.PersonId == "echo").Openings.Select(c => c.OpeningId));
        Assert.Equal(["p", "echo"], assignments.Select(a => a.PersonId));
    }
}
