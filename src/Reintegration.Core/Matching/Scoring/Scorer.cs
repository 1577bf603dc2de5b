using System.Runtime.CompilerServices;
using Reintegration.Domain;
using Reintegration.Matching.Index;

namespace Reintegration.Matching.Scoring;

/// <summary>Every component but location, and the weighted sum of them: what is known before the distance.</summary>
internal readonly record struct Partial(double Occupation, double Skills, double Language, double Experience, double Wage, double Pathway, Pathway Route, double Sum);

/// <summary>A scored opening: the total, each component, and how near it is.</summary>
internal readonly record struct Scored(double Score, MatchComponents Components, Pathway Pathway, Nearness Nearness, double DistanceKm);

/// <summary>
/// Combines the components with the configured weights into one score in [0, 1]. The location term
/// is added last, so that <see cref="UpperBound"/> (the score with the best location the tier allows)
/// is never below the real score, even in floating point.
/// </summary>
internal sealed class Scorer(ScoringWeights weights)
{
    private readonly double _sum = weights.Sum;

    public Partial PartialWithoutLocation(Seeker seeker, CandidateOpening opening) =>
        PartialWithoutLocation(seeker, opening, OccupationFit.Of(seeker, opening.Isco));

    /// <summary>The same, with what the opening's occupation gives already found (<see cref="OccupationFit"/>).</summary>
    public Partial PartialWithoutLocation(Seeker seeker, CandidateOpening opening, in OccupationFit fit)
    {
        var route = seeker.Regimes[opening.Country].Pathway;
        var occupation = fit.Occupation;
        var skills = SkillScore.Of(seeker, opening);
        var language = LanguageScore.Of(seeker, opening);
        var experience = ExperienceScore.Of(fit.RelevantYears, opening.MinYears);
        var wage = WageScore.Of(seeker, opening);
        var pathway = PathwayScore.Of(route, opening.PermitSponsorship);
        var sum = weights.Occupation * occupation
            + weights.Skills * skills
            + weights.Language * language
            + weights.Experience * experience
            + weights.Wage * wage
            + weights.Pathway * pathway;
        return new Partial(occupation, skills, language, experience, wage, pathway, route, sum);
    }

    /// <summary>
    /// A bound from the two components that cost next to nothing (occupation and pathway: no text
    /// lookups), with every other component at its best (1) and location at the best its tier allows.
    /// Summed in the order of <see cref="PartialWithoutLocation(Seeker, CandidateOpening)"/> with each term at least as large,
    /// so, rounding being monotonic, never below <see cref="UpperBound"/> and hence the real score.
    /// </summary>
    public double QuickBound(Seeker seeker, CandidateOpening opening, Nearness tier) =>
        Bound(
            OccupationScore.Of(seeker, opening.Isco),
            PathwayScore.Of(seeker.Regimes[opening.Country].Pathway, opening.PermitSponsorship),
            tier);

    /// <summary>
    /// The best score possible with these occupation and pathway scores: every other component at
    /// its best (1), location at the best the tier allows. Summed in the order of
    /// <see cref="PartialWithoutLocation(Seeker, CandidateOpening)"/> with each term at least as large, so, rounding being
    /// monotonic, never below <see cref="UpperBound"/>; and never lower for larger arguments, so a
    /// bound from the largest occupation and pathway scores of a group of openings holds for each.
    /// </summary>
    public double Bound(double occupation, double pathway, Nearness tier)
    {
        var sum = weights.Occupation * occupation
            + weights.Skills
            + weights.Language
            + weights.Experience
            + weights.Wage
            + weights.Pathway * pathway;
        return (sum + weights.Location * LocationScore.Max(tier)) / _sum;
    }

    /// <summary>
    /// A bound from an opening's index key, before the opening is read: occupation, experience, wage and
    /// pathway as <see cref="PartialWithoutLocation(Seeker, CandidateOpening)"/> computes them, skills and language
    /// at most what the key's bits of their numbers allow (<see cref="SkillScore.AtMost"/>, <see cref="LanguageScore.AtMost"/>:
    /// each never below the component, in floating point too), location at the best the tier allows. Summed in the
    /// same order, each term equal or larger (a weight, never negative, times a larger factor), so, rounding being
    /// monotonic, never below <see cref="UpperBound"/> and hence the real score. What the key's occupation gives the
    /// person comes found already (<see cref="OccupationFit"/>): the walk finds it once per run of a unit group.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double KeyBound(Seeker seeker, in OpeningKey key, in OccupationFit fit, double pathway, Nearness tier)
    {
        var sum = weights.Occupation * fit.Occupation
            + weights.Skills * SkillScore.AtMost(seeker, key)
            + weights.Language * LanguageScore.AtMost(seeker, key)
            + weights.Experience * ExperienceScore.Of(fit.RelevantYears, key.MinYears)
            + weights.Wage * WageScore.Of(seeker, key.WageUsd)
            + weights.Pathway * pathway;
        return (sum + weights.Location * LocationScore.Max(tier)) / _sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double UpperBound(in Partial partial, Nearness tier) => (partial.Sum + weights.Location * LocationScore.Max(tier)) / _sum;

    public Scored Complete(Seeker seeker, CandidateOpening opening, in Partial partial, Nearness tier)
    {
        var distance = seeker.Home.DistanceKm(opening.Point);
        var location = LocationScore.Of(tier, distance);
        var score = Total(partial, location);
        var components = new MatchComponents(partial.Occupation, partial.Skills, partial.Language, partial.Experience, location, partial.Wage, partial.Pathway);
        return new Scored(score, components, partial.Route, tier, distance);
    }

    /// <summary>The score alone, exactly as <see cref="Complete"/> gives it, without the components.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Total(Seeker seeker, CandidateOpening opening, in Partial partial, Nearness tier) =>
        Total(partial, LocationScore.Of(tier, seeker.Home.DistanceKm(opening.Point)));

    public Scored Score(Seeker seeker, CandidateOpening opening) =>
        Complete(seeker, opening, PartialWithoutLocation(seeker, opening), LocationScore.TierOf(seeker, opening));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Total(in Partial partial, double location) => (partial.Sum + weights.Location * location) / _sum;
}
