namespace Reintegration.Matching.Scoring;

/// <summary>
/// What a score takes from the opening's occupation alone: the occupation component and the person's years in its minor
/// group. The same for every opening of one ISCO unit group, so the index's walk finds it once per run of a unit group
/// instead of once per opening.
/// </summary>
internal readonly record struct OccupationFit(double Occupation, int RelevantYears)
{
    public static OccupationFit Of(Seeker seeker, IscoUnit isco) =>
        new(OccupationScore.Of(seeker, isco), ExperienceScore.RelevantYears(seeker, isco));
}
