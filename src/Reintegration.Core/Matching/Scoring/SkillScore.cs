using System.Runtime.CompilerServices;
using Reintegration.Matching.Index;

namespace Reintegration.Matching.Scoring;

/// <summary>The share of the opening's skills and licences the person has; 1 when it asks for none.</summary>
internal static class SkillScore
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Seeker seeker, CandidateOpening opening)
    {
        var required = opening.SkillIds.Length + opening.LicenceIds.Length;
        if (required == 0)
        {
            return 1;
        }

        return (double)(Held(seeker.Skills, opening.SkillIds, opening.Skills) + Held(seeker.Licences, opening.LicenceIds, opening.Licences))
            / required;
    }

    /// <summary>
    /// Never below <see cref="Of"/>, from the opening's index key alone: its skills and licences held counted at most
    /// <see cref="NumberBits.MostHeld"/> (the person's skills and licences together), an integer at least the real
    /// count, divided by the same number; 1 when it asks for none, or when a text of the
    /// person's with no number could match one of its texts by spelling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AtMost(Seeker seeker, in OpeningKey key) =>
        seeker.SkillBits.MostHeldShare(key.SkillBits, key.SkillCount, key.LastNumber);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Held(HeldTexts held, int[] ids, string[] texts)
    {
        var count = 0;
        for (var i = 0; i < ids.Length && held.Count > 0; i++)
        {
            if (held.IndexOf(ids[i], texts[i]) >= 0)
            {
                count++;
            }
        }

        return count;
    }
}
