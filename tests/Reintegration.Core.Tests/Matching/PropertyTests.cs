using CsCheck;
using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Matching.Scoring;

namespace Reintegration.Tests.Matching;

/// <summary>
/// Properties over random profiles and openings: the score never falls when the person is better
/// placed, and the index answers exactly as the full scan does.
/// </summary>
public sealed class PropertyTests
{
    private const int Iterations = 400;

    /// <summary>The score of an eligible pair, or null when a hard rule excludes it or it is outside the field.</summary>
    private static double? ScoreOf(Profile profile, OpeningListing opening) =>
        Build.Engine.FullScan(profile, [opening], Build.Query()).Matches.SingleOrDefault()?.Score;

    private static void AssertNotLower(double? before, double? after)
    {
        if (before is { } b)
        {
            Assert.NotNull(after);
            Assert.True(after >= b, $"score fell from {b} to {after}");
        }
    }

    [Fact]
    public void Score_MoreExperience_NeverLowersIt() =>
        (from po in Gens.PersonAndOpening from more in Gen.Int[1, 10] select (po.Person, po.Opening, more)).Sample((profile, opening, more) =>
        {
            var longer = profile with { Occupations = profile.Occupations.Select((o, i) => i == 0 ? o with { Years = o.Years + more } : o).ToList() };
            AssertNotLower(ScoreOf(profile, opening), ScoreOf(longer, opening));
        }, iter: PropertyRuns.Iter(Iterations));

    [Fact]
    public void Score_HigherLanguageLevel_NeverLowersIt() =>
        Gens.PersonAndOpening.Sample((profile, opening) =>
        {
            var level = Cefr.Parse(profile.Languages[0].Level);
            if (level == CefrLevel.C2)
            {
                return;
            }

            var better = profile with { Languages = [profile.Languages[0] with { Level = (level + 1).ToString() }, .. profile.Languages.Skip(1)] };
            AssertNotLower(ScoreOf(profile, opening), ScoreOf(better, opening));
        }, iter: PropertyRuns.Iter(Iterations));

    [Fact]
    public void Score_OneMoreMatchingSkill_NeverLowersIt() =>
        Gens.PersonAndOpening.Sample((profile, opening) =>
        {
            var lacking = opening.Opening.Skills.FirstOrDefault(s => !profile.Skills.Contains(s));
            if (lacking is null)
            {
                return;
            }

            AssertNotLower(ScoreOf(profile, opening), ScoreOf(profile with { Skills = [.. profile.Skills, lacking] }, opening));
        }, iter: PropertyRuns.Iter(Iterations));

    [Fact]
    public void Score_HigherWage_NeverLowersIt() =>
        (from po in Gens.PersonAndOpening from raise in Gen.Int[1, 3000] select (po.Person, po.Opening, raise)).Sample((profile, opening, raise) =>
        {
            if (opening.Opening.MonthlyWage is not { } wage)
            {
                return;
            }

            var better = opening with { Opening = opening.Opening with { MonthlyWage = wage with { Min = wage.Min + raise, Max = wage.Max + raise } } };
            AssertNotLower(ScoreOf(profile, opening), ScoreOf(profile, better));
        }, iter: PropertyRuns.Iter(Iterations));

    [Fact]
    public void Score_ShorterDistanceInTheSameTier_NeverLowersIt() =>
        (from po in Gens.PersonAndOpening from t in Gen.Double[0.05, 0.95] select (po.Person, po.Opening, t)).Sample((profile, opening, t) =>
        {
            var home = ReferenceDataPoint(profile.Home);
            var there = ReferenceDataPoint(opening.Opening.Location);
            var closer = opening with
            {
                Opening = opening.Opening with
                {
                    Location = opening.Opening.Location with { Lat = there.Lat + (home.Lat - there.Lat) * t, Lon = there.Lon + (home.Lon - there.Lon) * t },
                },
            };
            var (before, after) = (Match(profile, opening), Match(profile, closer));
            if (before is null || after is null || Tier(before) != Tier(after) || after.Components.Location < 0)
            {
                return;
            }

            if (DistanceKm(profile.Home, closer.Opening.Location) <= DistanceKm(profile.Home, opening.Opening.Location))
            {
                Assert.True(after.Score >= before.Score, $"score fell from {before.Score} to {after.Score}");
            }
        }, iter: PropertyRuns.Iter(Iterations));

    [Fact]
    public void Score_AndComponents_StayInTheUnitInterval() =>
        Gens.PersonAndOpening.Sample((profile, opening) =>
        {
            if (Match(profile, opening) is not { } match)
            {
                return;
            }

            var c = match.Components;
            Assert.All([match.Score, c.Occupation, c.Skills, c.Language, c.Experience, c.Location, c.Wage, c.Pathway], v => Assert.InRange(v, 0, 1));
        }, iter: PropertyRuns.Iter(Iterations));

    [Fact]
    public void Score_AnyWeights_IsTheWeightedMeanOfItsComponents() =>
        (from po in Gens.PersonAndOpening from w in Gen.Double[0, 1].Array[7] select (po.Person, po.Opening, w)).Sample((profile, listing, w) =>
        {
            var weights = new ScoringWeights { Occupation = w[0], Skills = w[1], Language = w[2], Experience = w[3], Location = w[4], Wage = w[5], Pathway = w[6] };
            if (weights.Problem() is not null)
            {
                return;
            }

            var engine = new MatchingEngine(Reintegration.Reference.ReferenceData.Shared, weights);
            if (engine.FullScan(profile, [listing], Build.Query()).Matches.SingleOrDefault() is not { } match)
            {
                return;
            }

            var c = match.Components;
            var mean = (w[0] * c.Occupation + w[1] * c.Skills + w[2] * c.Language + w[3] * c.Experience + w[4] * c.Location + w[5] * c.Wage + w[6] * c.Pathway)
                / w.Sum();
            Assert.Equal(mean, match.Score, 9);
        }, iter: PropertyRuns.Iter(Iterations));

    [Fact]
    public void ScoreBounds_AnyWeights_NeverBelowTheScore() =>
        (from po in Gens.PersonAndOpening from w in Gen.Double[0, 1].Array[7] select (po.Person, po.Opening, w)).Sample((profile, listing, w) =>
        {
            var weights = new ScoringWeights { Occupation = w[0], Skills = w[1], Language = w[2], Experience = w[3], Location = w[4], Wage = w[5], Pathway = w[6] };
            if (weights.Problem() is not null)
            {
                return;
            }

            var engine = new MatchingEngine(Reintegration.Reference.ReferenceData.Shared, weights);
            var (seeker, opening) = (engine.Compile(profile), engine.Compile(listing));
            var tier = LocationScore.TierOf(seeker, opening);
            var partial = engine.Scorer.PartialWithoutLocation(seeker, opening);
            var score = engine.Scorer.Complete(seeker, opening, partial, tier).Score;
            var upper = engine.Scorer.UpperBound(partial, tier);

            Assert.True(upper >= score, $"upper bound {upper:R} below the score {score:R}");
            var pathway = PathwayScore.Of(seeker.Regimes[opening.Country].Pathway, opening.PermitSponsorship);
            var fromKey = engine.Scorer.KeyBound(seeker, OpeningKey.Of(opening), OccupationFit.Of(seeker, opening.Isco), pathway, tier);
            Assert.True(fromKey >= upper, $"the key's bound {fromKey:R} is below the upper bound {upper:R}");
            Assert.True(engine.Scorer.QuickBound(seeker, opening, tier) >= fromKey, "the quick bound is below the key's bound");
        }, iter: PropertyRuns.Iter(Iterations));

    [Fact]
    public void Index_AnswersExactlyAsTheFullScan() =>
        Gen.Select(Gens.PersonAndOpenings(0, 150), Gen.Int[1, 25], Gen.OneOf<string?>(null, null, null, "KZ", "TJ", "RU"))
                .Select((po, top, country) => (po.Person, po.Openings, top, country))
            .Sample((profile, openings, top, country) =>
            {
                var query = Build.Query(top, country);
                var index = new OpeningIndex(Build.Engine);
                index.Apply(openings);

                Build.AssertSame(Build.Engine.FullScan(profile, openings, query), index.Match(profile, query));
            }, iter: PropertyRuns.Iter(300));

    [Fact]
    public void Index_AskedOnDaysOneAfterAnother_AnswersEachAsTheFullScan() =>
        Gen.Select(Gens.Profile, Gens.Profile, Gens.Openings(0, 150), Gen.Int[0, 400].Array[2, 5])
            .Sample((first, second, openings, days) =>
            {
                // The index counts some exclusions once a day per bucket: a later day (or an earlier one) must count afresh.
                var index = new OpeningIndex(Build.Engine);
                index.Apply(openings);
                foreach (var day in days)
                {
                    foreach (var profile in new[] { first, second })
                    {
                        var query = Build.Query() with { Today = Samples.Today.AddDays(day) };
                        Build.AssertSame(Build.Engine.FullScan(profile, openings, query), index.Match(profile, query));
                    }
                }
            }, iter: PropertyRuns.Iter(150));

    [Fact]
    public void Index_Rank_SameOpeningsAndScoresAsTheFullScan() =>
        Gen.Select(Gens.PersonAndOpenings(0, 150), Gen.Int[1, 25], Gen.OneOf<string?>(null, null, null, "KZ", "TJ", "RU"), Gen.Int[0, 1000])
                .Select((po, top, country, seed) => (po.Person, po.Openings, top, country, seed))
            .Sample((profile, openings, top, country, seed) =>
            {
                var skipped = openings.Where(o => (o.Id.GetHashCode(StringComparison.Ordinal) ^ seed) % 4 == 0).Select(o => o.Id).ToHashSet();
                var query = Build.Query(top, country) with { Skip = listing => skipped.Contains(listing.Id) };
                var index = new OpeningIndex(Build.Engine);
                index.Apply(openings);

                var ranked = index.Rank(profile, query);

                var scanned = Build.Engine.FullScan(profile, openings, query).Matches;
                Assert.Equal(scanned.Select(m => new RankedOpening(m.OpeningId, m.Score)), ranked);
            }, iter: PropertyRuns.Iter(300));

    [Fact]
    public void Index_WithSkippedOpenings_AnswersAsTheFullScan() =>
        Gen.Select(Gens.PersonAndOpenings(0, 120), Gen.Int[0, 1000]).Select((po, seed) => (po.Person, po.Openings, seed)).Sample((profile, openings, seed) =>
        {
            var skipped = openings.Where(o => (o.Id.GetHashCode(StringComparison.Ordinal) ^ seed) % 3 == 0).Select(o => o.Id).ToHashSet();
            var query = Build.Query(8) with { Skip = listing => skipped.Contains(listing.Id) };
            var index = new OpeningIndex(Build.Engine);
            index.Apply(openings);

            var result = index.Match(profile, query);

            Build.AssertSame(Build.Engine.FullScan(profile, openings, query), result);
            Assert.DoesNotContain(result.Matches, m => skipped.Contains(m.OpeningId));
        }, iter: PropertyRuns.Iter(200));

    [Fact]
    public void Index_AfterUpdatesAndRemovals_AnswersAsTheFullScanOfWhatRemains() =>
        Gen.Select(Gens.PersonAndOpenings(10, 120), Gens.Openings(10, 60), Gen.Int[0, 1000]).Select((po, second, seed) => (po.Person, po.Openings, second, seed)).Sample((profile, first, second, seed) =>
        {
            var index = new OpeningIndex(Build.Engine);
            index.Apply(first);
            var random = new Random(seed);
            var removed = first.Where(_ => random.Next(3) == 0).Select(o => o.Id).ToList();
            // The second batch reuses some ids of the first: those are updates.
            index.Apply(second, removed);
            var expected = first.Where(o => !removed.Contains(o.Id)).ExceptBy(second.Select(o => o.Id), o => o.Id).Concat(second).ToList();

            Assert.Equal(expected.Count, index.Count);
            Build.AssertSame(Build.Engine.FullScan(profile, expected, Build.Query(20)), index.Match(profile, Build.Query(20)));
        }, iter: PropertyRuns.Iter(150));

    private static Match? Match(Profile profile, OpeningListing opening) =>
        Build.Engine.FullScan(profile, [opening], Build.Query()).Matches.SingleOrDefault();

    private static int Tier(Match match) => match.Components.Location switch
    {
        var l when l >= LocationScore.SameRegion.Floor => 0,
        var l when l >= LocationScore.SameCountry.Floor => 1,
        _ => 2,
    };

    private static (double Lat, double Lon) ReferenceDataPoint(Location location) =>
        location is { Lat: { } lat, Lon: { } lon } ? (lat, lon) : Reintegration.Reference.ReferenceData.Shared.Places.Find(location.Country, location.City) is { } p ? (p.Lat, p.Lon) : throw new InvalidOperationException();

    private static double DistanceKm(Location a, Location b)
    {
        var (pa, pb) = (ReferenceDataPoint(a), ReferenceDataPoint(b));
        return Reintegration.Reference.Geo.DistanceKm(pa.Lat, pa.Lon, pb.Lat, pb.Lon);
    }
}
