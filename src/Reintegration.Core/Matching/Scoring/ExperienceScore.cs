using System.Runtime.CompilerServices;

namespace Reintegration.Matching.Scoring;

/// <summary>
/// Years in the opening's minor group against the minimum it asks: 1 at or above it, the ratio below.
/// 1 when it asks for none.
/// </summary>
internal static class ExperienceScore
{
    public static double Of(Seeker seeker, CandidateOpening opening) => Of(RelevantYears(seeker, opening.Isco), opening.MinYears);

    /// <summary>The same, from the person's years in the opening's minor group and the years it asks (as its index key holds them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(int relevantYears, int minYears) => minYears <= 0 ? 1 : Math.Min(1, (double)relevantYears / minYears);

    public static int RelevantYears(Seeker seeker, CandidateOpening opening) => RelevantYears(seeker, opening.Isco);

    public static int RelevantYears(Seeker seeker, IscoUnit isco)
    {
        var years = 0;
        foreach (var experience in seeker.Occupations)
        {
            if (experience.Isco.Minor == isco.Minor)
            {
                years = Math.Max(years, experience.Years);
            }
        }

        return years;
    }
}
