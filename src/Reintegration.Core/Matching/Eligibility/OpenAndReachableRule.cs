using System.Runtime.CompilerServices;
using Reintegration.Matching.Index;

namespace Reintegration.Matching.Eligibility;

/// <summary>
/// Rule 4. The opening is not expired, has unfilled positions, takes refugees where the person is
/// one, and asks for no licence the person lacks.
/// </summary>
internal static class OpenAndReachableRule
{
    /// <summary>What the opening's index key tells: closed, or not open to refugees (licences are checked apart).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ExclusionReason? CheckTerms(Seeker seeker, in OpeningKey key, int today) =>
        key.ExpiresDay < today || !key.HasUnfilled ? ExclusionReason.Closed
        : seeker.IsRefugee && !key.AcceptsRefugees ? ExclusionReason.RefugeesNotAccepted
        : null;

    /// <summary>Whether the opening asks for a licence the person lacks.</summary>
    public static bool LacksLicence(Seeker seeker, CandidateOpening opening)
    {
        for (var i = 0; i < opening.LicenceIds.Length; i++)
        {
            if (seeker.Licences.IndexOf(opening.LicenceIds[i], opening.Licences[i]) < 0)
            {
                return true;
            }
        }

        return false;
    }
}
