namespace Reintegration.Matching.Scoring;

/// <summary>
/// Years in the opening's minor group against the minimum it asks: 1 at or above it, the ratio below.
/// 1 when it asks for none.
/// </summary>
internal static class ExperienceScore
{
    public static double Of(Seeker seeker, CandidateOpening opening)
    {
        if (opening.MinYears <= 0)
        {
            return 1;
        }

        return Math.Min(1, (double)RelevantYears(seeker, opening) / opening.MinYears);
    }

    public static int RelevantYears(Seeker seeker, CandidateOpening opening)
    {
        var years = 0;
        foreach (var experience in seeker.Occupations)
        {
            if (experience.Isco.Minor == opening.Isco.Minor)
            {
                years = Math.Max(years, experience.Years);
            }
        }

        return years;
    }
}
