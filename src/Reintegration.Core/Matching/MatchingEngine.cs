using System.Collections.Concurrent;
using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Matching.Eligibility;
using Reintegration.Matching.Explanations;
using Reintegration.Matching.Scoring;
using Reintegration.Reference;

namespace Reintegration.Matching;

/// <summary>
/// The rules and the scoring, over the reference data: compiles profiles and openings, judges and
/// scores a pair, and writes the result. <see cref="FullScan"/> is the plain reference matcher,
/// every opening judged in turn; <see cref="Index.OpeningIndex"/> gives the same answers faster.
/// </summary>
public sealed class MatchingEngine
{
    private readonly MatchReasons _reasons;
    private readonly ExclusionText _exclusionText;

    /// <summary>Per citizenship, the pathway to each country: one lookup per country, made once, not once per query.</summary>
    private readonly ConcurrentDictionary<string, MobilityRegime[]> _regimes = new(StringComparer.Ordinal);

    public MatchingEngine(ReferenceData reference, ScoringWeights? weights = null)
    {
        weights ??= ScoringWeights.Default;
        if (weights.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(weights));
        }

        Reference = reference;
        Countries = new CountryIndex(reference.Countries);
        Scorer = new Scorer(weights);
        _reasons = new MatchReasons(reference);
        _exclusionText = new ExclusionText(reference);
    }

    public ReferenceData Reference { get; }

    internal CountryIndex Countries { get; }

    internal Scorer Scorer { get; }

    /// <summary>The numbers of the skills, licences and languages the openings compiled so far bring.</summary>
    internal Vocabulary Vocabulary { get; } = new();

    internal Seeker Compile(Profile profile) => Seeker.Compile(profile, Reference, Countries, RegimesFrom(profile.Citizenship), Vocabulary);

    private MobilityRegime[] RegimesFrom(string citizenship) =>
        _regimes.GetOrAdd(citizenship, static (from, engine) =>
            Array.ConvertAll(engine.Countries.Codes, to => engine.Reference.Mobility.Find(from, to)), this);

    internal CandidateOpening Compile(OpeningListing listing) => CandidateOpening.Compile(listing, Reference, Countries, Vocabulary);

    /// <summary>Matches by judging and scoring every opening: simple, and the specification the index must meet.</summary>
    public MatchResult FullScan(Profile profile, IEnumerable<OpeningListing> openings, MatchQuery query)
    {
        var seeker = Compile(profile);
        var today = query.Today.DayNumber;
        var excluded = new ExclusionTally();
        var best = new TopK<(CandidateOpening Opening, Scored Scored)>(Math.Clamp(query.Top, 0, MatchQuery.MaxTop));
        foreach (var listing in openings)
        {
            if (query.Country is { } only && listing.Opening.Location.Country != only)
            {
                continue;
            }

            var opening = Compile(listing);
            if (OccupationScore.Of(seeker, opening) == 0)
            {
                continue;
            }

            if (HardRules.FirstBroken(seeker, opening, today) is { } reason)
            {
                excluded.Add(reason);
                continue;
            }

            if (query.Skip?.Invoke(listing) == true)
            {
                continue;
            }

            var scored = Scorer.Score(seeker, opening);
            best.Offer((opening, scored), scored.Score, opening.Id);
        }

        return Result(seeker, best, excluded.ToCounts(), query);
    }

    internal MatchResult Result(Seeker seeker, TopK<(CandidateOpening Opening, Scored Scored)> best, ExclusionCounts excluded, MatchQuery query) =>
        new(best.ToSortedList().Select(x => ToMatch(seeker, x.Item.Opening, x.Item.Scored, query)).ToList(), excluded);

    /// <summary>
    /// Whether a person would be offered one opening and, if not, why, in words: what a caseworker asks
    /// about a particular job. The opening need not be in the person's field.
    /// </summary>
    public Verdict Judge(Profile profile, OpeningListing listing, MatchQuery query)
    {
        var seeker = Compile(profile);
        var opening = Compile(listing);
        var today = query.Today.DayNumber;
        var words = Words.For(query.Language);
        if (HardRules.FirstBroken(seeker, opening, today) is { } reason)
        {
            return new Verdict(reason, null, _exclusionText.Describe(reason, seeker, opening, today, words));
        }

        var scored = Scorer.Score(seeker, opening);
        return scored.Components.Occupation == 0
            ? new Verdict(null, null, _exclusionText.OutsideField(seeker, opening, words))
            : new Verdict(null, ToMatch(seeker, opening, scored, query),
                string.Join(" ", _reasons.For(seeker, opening, scored, today, words)));
    }

    /// <summary>
    /// The match of a profile with each of the given openings that it may take, scored once and
    /// explained in every language of <see cref="Words.All"/>, by code (openings a hard rule excludes
    /// are left out): how a digest explains what it recommends. The openings come compiled, so that a
    /// week's run compiles each opening it recommends once, however many people it goes to.
    /// </summary>
    internal List<KeyValuePair<string, Match>[]> MatchEachInEveryLanguage(
        Profile profile, IReadOnlyList<CandidateOpening> openings, DateOnly today)
    {
        var seeker = Compile(profile);
        var matches = new List<KeyValuePair<string, Match>[]>(openings.Count);
        foreach (var opening in openings)
        {
            if (HardRules.FirstBroken(seeker, opening, today.DayNumber) is not null)
            {
                continue;
            }

            var scored = Scorer.Score(seeker, opening);
            var byLanguage = new KeyValuePair<string, Match>[Words.All.Count];
            for (var i = 0; i < byLanguage.Length; i++)
            {
                var words = Words.All[i];
                byLanguage[i] = KeyValuePair.Create(words.Code, ToMatch(seeker, opening, scored, today, words, explain: true));
            }

            matches.Add(byLanguage);
        }

        return matches;
    }

    private Match ToMatch(Seeker seeker, CandidateOpening opening, Scored scored, MatchQuery query) =>
        ToMatch(seeker, opening, scored, query.Today, Words.For(query.Language), query.Explain);

    private Match ToMatch(Seeker seeker, CandidateOpening opening, Scored scored, DateOnly today, Words words, bool explain)
    {
        var regime = seeker.Regimes[opening.Country];
        var o = opening.Opening;
        return new Match(
            opening.Id, o.Title, o.Isco, o.Location.Country, o.Location.City,
            scored.Score, scored.Pathway, scored.Components,
            words.Obtain(regime), regime.VerifiedOn,
            explain ? _reasons.For(seeker, opening, scored, today.DayNumber, words) : []);
    }
}
