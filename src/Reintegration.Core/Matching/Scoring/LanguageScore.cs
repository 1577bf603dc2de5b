using System.Runtime.CompilerServices;
using Reintegration.Matching.Index;

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

    /// <summary>
    /// Never below <see cref="Of"/>, from the opening's index key alone: each language the person speaks taken at 1,
    /// one they do not at 0, and the languages they can speak counted at most <see cref="NumberBits.MostHeld"/>.
    /// In floating point too: <see cref="Of"/> adds its terms in order, each at most 1 and those not spoken
    /// left out, so (rounding being monotonic) its sum is at most the same additions of 1s, which are exact
    /// (the number spoken); divided by the same number. 1 when it requires none, or
    /// when a code of the person's with no number could match one of its codes by spelling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AtMost(Seeker seeker, in OpeningKey key) =>
        seeker.LanguageBits.MostHeldShare(key.LanguageBits, key.LanguageCount, key.LastNumber);
}
