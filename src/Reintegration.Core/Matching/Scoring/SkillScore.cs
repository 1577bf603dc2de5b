using System.Runtime.CompilerServices;

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
