namespace Reintegration.Matching.Index;

/// <summary>
/// What bounds an opening's score before the opening itself is read: its occupation, region and
/// sponsorship (its country is the bucket's). Kept in an array beside each bucket, so that a walk
/// for the top k alone reads memory in order and touches an opening only when it could enter.
/// </summary>
internal readonly record struct OpeningKey(IscoUnit Isco, int Region, bool PermitSponsorship)
{
    public static OpeningKey Of(CandidateOpening opening) => new(opening.Isco, opening.Region, opening.PermitSponsorship);
}
