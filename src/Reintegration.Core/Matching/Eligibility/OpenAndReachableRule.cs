namespace Reintegration.Matching.Eligibility;

/// <summary>
/// Rule 4. The opening is not expired, has unfilled positions, takes refugees where the person is
/// one, and asks for no licence the person lacks.
/// </summary>
internal static class OpenAndReachableRule
{
    public static ExclusionReason? Check(Seeker seeker, CandidateOpening opening, int today)
    {
        if (opening.ExpiresDay < today || opening.Unfilled <= 0)
        {
            return ExclusionReason.Closed;
        }

        if (seeker.IsRefugee && !opening.AcceptsRefugees)
        {
            return ExclusionReason.RefugeesNotAccepted;
        }

        foreach (var licence in opening.Licences)
        {
            if (!seeker.Licences.Contains(licence))
            {
                return ExclusionReason.Licence;
            }
        }

        return null;
    }
}
