namespace Reintegration.Matching.Index;

/// <summary>
/// What the hard rules and the score's bound need of an opening, in a small struct kept in an array
/// beside each bucket: its occupation, region, sponsorship, start and expiry days, whether a position
/// is left, whether refugees may apply, whether it asks for licences (its country is the bucket's),
/// and the years of experience and the wage it states, which give two components of its score exactly.
/// A walk over a bucket reads these in order, and touches an opening itself only when it could enter
/// the top k or its licences must be checked: the openings' objects lie all over the heap, the keys do not.
/// </summary>
internal readonly record struct OpeningKey(
    IscoUnit Isco,
    int Region,
    int StartDay,
    int ExpiresDay,
    bool PermitSponsorship,
    bool HasUnfilled,
    bool AcceptsRefugees,
    bool NeedsLicence,
    int MinYears,
    double WageUsd)
{
    public static OpeningKey Of(CandidateOpening opening) => new(
        opening.Isco, opening.Region, opening.StartDay, opening.ExpiresDay,
        opening.PermitSponsorship, opening.Unfilled > 0, opening.AcceptsRefugees, opening.Licences.Length > 0,
        opening.MinYears, opening.WageUsd);
}
