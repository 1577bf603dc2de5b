namespace Reintegration.Matching.Scoring;

/// <summary>
/// For each language the opening requires: 1 at or above the CEFR level, the ratio of levels below
/// it, 0 when not spoken; averaged. 1 when it requires none.
/// </summary>
internal static class LanguageScore
{
    public static double Of(Seeker seeker, CandidateOpening opening)
    {
        if (opening.Languages.Length == 0)
        {
            return 1;
        }

        var sum = 0.0;
        foreach (var (code, required) in opening.Languages)
        {
            if (seeker.Languages.TryGetValue(code, out var held))
            {
                sum += held >= required ? 1 : (double)held / (double)required;
            }
        }

        return sum / opening.Languages.Length;
    }
}
