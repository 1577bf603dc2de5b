using System.Runtime.CompilerServices;

namespace Reintegration.Matching.Scoring;

/// <summary>
/// For each language the opening requires: 1 at or above the CEFR level, the ratio of levels below
/// it, 0 when not spoken; averaged. 1 when it requires none.
/// </summary>
internal static class LanguageScore
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Seeker seeker, CandidateOpening opening)
    {
        var languages = opening.Languages;
        if (languages.Length == 0)
        {
            return 1;
        }

        var sum = 0.0;
        for (var i = 0; i < languages.Length; i++)
        {
            var (code, required) = languages[i];
            if (seeker.Languages.IndexOf(opening.LanguageIds[i], code) is var at and >= 0)
            {
                var held = seeker.LanguageLevels[at];
                sum += held >= required ? 1 : (double)held / (double)required;
            }
        }

        return sum / languages.Length;
    }
}
