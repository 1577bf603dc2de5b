namespace Reintegration.Matching.Scoring;

/// <summary>
/// How close the opening's occupation is to one of the person's in the ISCO-08 hierarchy (same unit
/// group > same minor group > same sub-major group), weighted by the years in it. An opening outside
/// every sub-major group of the person is not in their field, and scores 0.
/// </summary>
internal static class OccupationScore
{
    public const double SameUnit = 1.0;
    public const double SameMinor = 0.75;
    public const double SameSubMajor = 0.5;

    /// <summary>Experience beyond this adds nothing more to closeness.</summary>
    private const int YearsForFullWeight = 10;

    public static double Of(Seeker seeker, CandidateOpening opening) => Of(seeker, opening.Isco);

    public static double Of(Seeker seeker, IscoUnit opening)
    {
        var best = 0.0;
        foreach (var experience in seeker.Occupations)
        {
            var score = Closeness(experience.Isco, opening) * ExperienceWeight(experience.Years);
            best = Math.Max(best, score);
        }

        return best;
    }

    public static double Closeness(IscoUnit person, IscoUnit opening) =>
        person.Unit == opening.Unit ? SameUnit
        : person.Minor == opening.Minor ? SameMinor
        : person.SubMajor == opening.SubMajor ? SameSubMajor
        : 0;

    /// <summary>Half the weight for no experience, rising to full at ten years.</summary>
    public static double ExperienceWeight(int years) => 0.5 + 0.5 * Math.Min(years, YearsForFullWeight) / YearsForFullWeight;
}
