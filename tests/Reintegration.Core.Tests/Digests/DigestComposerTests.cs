using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Reintegration.Digests;
using Reintegration.Digests.Allocation;
using Reintegration.Digests.Rendering;
using Reintegration.Localisation;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;
using Reintegration.Tests.Matching;

namespace Reintegration.Tests.Digests;

public sealed class DigestComposerTests
{
    private static readonly IsoWeek Week = IsoWeek.Of(Samples.Today);
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static (DigestComposer Composer, OpeningIndex Index) Compose(params OpeningListing[] openings)
    {
        var index = new OpeningIndex(Build.Engine);
        index.Apply(openings);
        return (new DigestComposer(Build.Engine, index), index);
    }

    private static DigestPerson Person(string id, string centre = "c1", IReadOnlySet<string>? seen = null, DateTimeOffset? seenAt = null) =>
        new(centre, id, Build.Welder() with { ExternalRef = "REF-" + id }, seen ?? new HashSet<string>(), seenAt ?? DateTimeOffset.MinValue);

    [Fact]
    public void Compose_OneDigestPerCentre_EvenWithoutPeople_EachEntryExplainedInEveryLanguage()
    {
        var (composer, _) = Compose(Build.Opening("kz-1", "KZ", "Almaty"));

        var digests = composer.Compose([Person("p1")], ["c1", "c2"], Week, GeneratedAt, new DigestOptions()).Digests;

        Assert.Equal(["c1", "c2"], digests.Select(d => d.CentreId));
        Assert.Empty(digests[1].Entries);
        var recommendation = digests[0].Entries.Single().Recommendations.Single();
        Assert.Equal(Words.Codes, recommendation.ByLanguage.Select(p => p.Key));
        Assert.All(recommendation.ByLanguage, p => Assert.Equal("kz-1", p.Value.OpeningId));
        Assert.Contains(recommendation.In("ru").Reasons, r => r.StartsWith("Та же профессия", StringComparison.Ordinal));
        Assert.Equal(Week.ToString(), digests[0].Week);
    }

    [Fact]
    public void Compose_OpeningInThePreviousDigest_ComesAgainOnlyIfItChanged()
    {
        var unchanged = Build.Opening("kz-old", "KZ", "Almaty") with { ChangedAt = GeneratedAt.AddDays(-10) };
        var changed = Build.Opening("kz-new", "KZ", "Almaty") with { ChangedAt = GeneratedAt.AddDays(-1) };
        var (composer, _) = Compose(unchanged, changed);
        var person = Person("p1", seen: new HashSet<string> { "kz-old", "kz-new" }, seenAt: GeneratedAt.AddDays(-7));

        var entry = composer.Compose([person], ["c1"], Week, GeneratedAt, new DigestOptions()).Digests.Single().Entries.Single();

        Assert.Equal(["kz-new"], entry.Recommendations.Select(r => r.OpeningId));
    }

    [Fact]
    public void Compose_PreviousOffersFillingTheCandidateDepth_StillLeaveRoomForNewOnes()
    {
        var seenAt = GeneratedAt.AddDays(-7);
        var old = Enumerable.Range(0, 3).Select(i => Build.Opening($"old-{i}", "TJ", "Khujand") with { ChangedAt = seenAt.AddDays(-1) }).ToArray();
        var fresh = Build.Opening("new-far", "KZ", "Almaty") with { ChangedAt = seenAt.AddDays(1) };
        var (composer, _) = Compose([.. old, fresh]);
        var person = Person("p1", seen: old.Select(o => o.Id).ToHashSet(), seenAt: seenAt);

        var entry = composer.Compose([person], ["c1"], Week, GeneratedAt, new DigestOptions { CandidatesPerProfile = 2 }).Digests.Single().Entries.Single();

        Assert.Equal(["new-far"], entry.Recommendations.Select(r => r.OpeningId));
    }

    [Fact]
    public void Compose_ScarceOpening_RecommendedToNoMoreThanItsCap_AcrossCentres()
    {
        var scarce = Build.Opening("kz-scarce", "KZ", "Almaty", o => o with { Positions = 1 });
        var plenty = Build.Opening("kg-plenty", "KG", "Bishkek", o => o with { Positions = 100 });
        var (composer, _) = Compose(scarce, plenty);
        var people = Enumerable.Range(0, 10).Select(i => Person($"p{i}", i % 2 == 0 ? "c1" : "c2")).ToList();

        var digests = composer.Compose(people, ["c1", "c2"], Week, GeneratedAt, new DigestOptions { CongestionMultiplier = 3 }).Digests;

        var recommended = digests.SelectMany(d => d.Entries).SelectMany(e => e.Recommendations).Select(r => r.OpeningId).ToList();
        Assert.Equal(3, recommended.Count(id => id == "kz-scarce"));
        Assert.All(digests.SelectMany(d => d.Entries), e => Assert.Contains(e.Recommendations, r => r.OpeningId == "kg-plenty"));
    }

    [Fact]
    public void Compose_SentenceInTwoOfOnePersonsRecommendations_ShownInBoth_HeldOnce()
    {
        var (composer, _) = Compose(Build.Opening("kz-1", "KZ", "Almaty"), Build.Opening("kz-2", "KZ", "Almaty"));

        var entry = composer.Compose([Person("p1")], ["c1"], Week, GeneratedAt, new DigestOptions()).Digests.Single().Entries.Single();

        Assert.Equal(2, entry.Recommendations.Count);
        var (first, second) = (entry.Recommendations[0].In("en").Reasons, entry.Recommendations[1].In("en").Reasons);
        var occupation = Assert.Single(first, r => r.StartsWith("Same occupation", StringComparison.Ordinal));
        Assert.Same(occupation, Assert.Single(second, r => r.StartsWith("Same occupation", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compose_SameDataTwice_SameDigests()
    {
        var (composer, _) = Compose(Enumerable.Range(0, 30).Select(i => Build.Opening($"o-{i:00}", i % 2 == 0 ? "KZ" : "TJ", i % 2 == 0 ? "Almaty" : "Dushanbe", o => o with { Positions = 1 + i % 3, MinYears = i % 5 })).ToArray());
        var people = Enumerable.Range(0, 40).Select(i => Person($"p{i:00}")).ToList();

        var first = composer.Compose(people, ["c1"], Week, GeneratedAt, new DigestOptions()).Digests;
        var second = composer.Compose(people.AsEnumerable().Reverse().ToList(), ["c1"], Week, GeneratedAt, new DigestOptions()).Digests;

        Assert.Equal(Json(first[0]), Json(second[0]));
    }

    [Fact]
    public void CoverageFirst_ComparedWithPlainTopK_LowerCongestion()
    {
        var openings = Enumerable.Range(0, 20).Select(i => Build.Opening($"o-{i:00}", "KZ", "Almaty", o => o with { Positions = 1, MinYears = i })).ToArray();
        var (composer, _) = Compose(openings);
        var people = Enumerable.Range(0, 30).Select(i => Person($"p{i:00}")).ToList();
        var options = new DigestOptions();
        var listings = composer.OpenListings(Week);
        var wishlists = composer.Wishlists(people, listings, Week, options);

        var aware = DigestComposer.Allocate(wishlists, listings, options, CoverageFirst.Allocate).Metrics;
        var plain = DigestComposer.Allocate(wishlists, listings, options, PlainTopK.Allocate).Metrics;

        Assert.True(aware.MaxPerUnfilled <= 3);
        Assert.Equal(30, plain.MaxPerUnfilled);
        Assert.True(aware.Gini < plain.Gini);
        Assert.True(aware.OpeningsReached > plain.OpeningsReached);
    }

    [Fact]
    public void Compose_RandomPeopleAndOpenings_SameDigestsInAnyOrder_EveryoneReachableReached() =>
        Gen.Select(Gens.Profile.Array[1, 25], Gens.Openings(1, 40), Gen.Int).Sample((profiles, openings, seed) =>
        {
            var (composer, _) = Compose(openings);
            var people = profiles.Select((p, i) => Person($"p{i:00}", i % 2 == 0 ? "c1" : "c2") with { Profile = p }).ToList();
            var random = new Random(seed);
            var options = new DigestOptions { CandidatesPerProfile = 8, TopPerProfile = 3, CongestionMultiplier = 1 };

            var once = composer.Compose(people, ["c1", "c2"], Week, GeneratedAt, options);
            var again = composer.Compose(people.OrderBy(_ => random.Next()).ToList(), ["c2", "c1"], Week, GeneratedAt, options);

            Assert.Equal(once.Digests.Select(Json), again.Digests.Select(Json));
            Assert.Equal(once.Allocation.Bound, once.Allocation.Covered);
            Assert.Equal(once.Allocation.Covered, once.Digests.Sum(d => d.Entries.Count(e => e.Recommendations.Count > 0)));
        }, iter: PropertyRuns.Iter(40));

    [Fact]
    public void Html_EncodesEveryValue_AndShowsScoreBars()
    {
        var (composer, _) = Compose(Build.Opening("kz-1", "KZ", "Almaty", o => o with { Title = "<script>alert(1)</script>" }));
        var digest = composer.Compose([Person("p1") with { Profile = Build.Welder() with { DisplayName = "A. <b>B</b>" } }], ["c1"], Week, GeneratedAt, new DigestOptions()).Digests.Single();

        var html = DigestHtml.Render(digest, "Khujand & Co", "en");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("A. &lt;b&gt;B&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Khujand &amp; Co", html, StringComparison.Ordinal);
        Assert.Contains("class=\"bar\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_InRussian_HasRussianHeadingsAndReasons()
    {
        var (composer, _) = Compose(Build.Opening("kz-1", "KZ", "Almaty"));
        var digest = composer.Compose([Person("p1")], ["c1"], Week, GeneratedAt, new DigestOptions()).Digests.Single();

        var markdown = DigestMarkdown.Render(digest, "Худжанд", "ru");

        Assert.StartsWith("# Еженедельная сводка: Худжанд", markdown, StringComparison.Ordinal);
        Assert.Contains("Та же профессия", markdown, StringComparison.Ordinal);
        Assert.Contains("█", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_PathwayAbroad_SaysWhenTheAdviceOnWhatToObtainWasChecked()
    {
        var (composer, _) = Compose(Build.Opening("kz-1", "KZ", "Almaty"));
        var digest = composer.Compose([Person("p1")], ["c1"], Week, GeneratedAt, new DigestOptions()).Digests.Single();
        var checkedOn = ReferenceData.Shared.Mobility.Find("TJ", "KZ").VerifiedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var english = DigestMarkdown.Render(digest, "Khujand", "en");
        var russian = DigestMarkdown.Render(digest, "Худжанд", "ru");
        var html = DigestHtml.Render(digest, "Khujand", "en");

        Assert.Contains($"Pathway: work permit, checked {checkedOn}\n", english, StringComparison.Ordinal);
        Assert.Contains($"Правовой путь: разрешение на работу, сведения проверены {checkedOn}\n", russian, StringComparison.Ordinal);
        Assert.Contains($"Pathway: work permit, checked {checkedOn}</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredDigest_WrittenBeforeObtainWasDated_StillReadsAndRendersWithoutADate()
    {
        var (composer, _) = Compose(Build.Opening("kz-1", "KZ", "Almaty"));
        var entry = composer.Compose([Person("p1")], ["c1"], Week, GeneratedAt, new DigestOptions()).Digests.Single().Entries.Single();
        var stored = JsonNode.Parse(JsonSerializer.Serialize(entry, ReintegrationJsonContext.Default.DigestEntry))!;
        foreach (var match in stored["recommendations"]!.AsArray().SelectMany(r => new[] { r!["en"]!, r["ru"]! }))
        {
            Assert.True(match.AsObject().Remove("obtainVerifiedOn"));
        }

        var read = JsonSerializer.Deserialize(stored.ToJsonString(), ReintegrationJsonContext.Default.DigestEntry)!;

        var recommendation = read.Recommendations.Single();
        Assert.Null(recommendation.In("en").ObtainVerifiedOn);
        Assert.Equal(entry.Recommendations.Single().In("en").Obtain, recommendation.In("en").Obtain);
        var markdown = DigestMarkdown.Render(new Digest("c1", Week.ToString(), GeneratedAt, [read]), "Khujand", "en");
        Assert.Contains("Pathway: work permit\n", markdown, StringComparison.Ordinal);
    }

    private static string Json(Digest digest) => JsonSerializer.Serialize(digest, ReintegrationJsonContext.Default.Digest);
}
