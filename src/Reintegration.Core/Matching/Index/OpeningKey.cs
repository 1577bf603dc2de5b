namespace Reintegration.Matching.Index;

/// <summary>
/// What the hard rules and the score's bound need of an opening, in a small struct kept in an array
/// beside each bucket: its occupation, region, sponsorship, start and expiry days, whether a position
/// is left, whether refugees may apply, whether it asks for licences (its country is the bucket's),
/// and the years of experience and the wage it states, which give two components of its score exactly;
/// and its skills and licences, and its languages, as bits of their numbers with how many there are
/// (<see cref="NumberBits"/>), which bound the two components that compare texts, with the highest of
/// their numbers (-1 when none): a person's text with no number can match only one numbered after the
/// person was compiled. A walk over a bucket reads these in order, and touches an
/// opening itself only when it could enter the top k or its licences must be checked: the openings'
/// objects lie all over the heap, the keys do not.
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
    double WageUsd,
    ulong SkillBits,
    ulong LanguageBits,
    int LastNumber,
    int SkillCount,
    int LanguageCount)
{
    public static OpeningKey Of(CandidateOpening opening) => new(
        opening.Isco, opening.Region, opening.StartDay, opening.ExpiresDay,
        opening.PermitSponsorship, opening.Unfilled > 0, opening.AcceptsRefugees, opening.Licences.Length > 0,
        opening.MinYears, opening.WageUsd,
        NumberBits.Of(opening.SkillIds) | NumberBits.Of(opening.LicenceIds), NumberBits.Of(opening.LanguageIds),
        Math.Max(Last(opening.SkillIds), Math.Max(Last(opening.LicenceIds), Last(opening.LanguageIds))),
        opening.SkillIds.Length + opening.LicenceIds.Length, opening.LanguageIds.Length);

    private static int Last(int[] numbers)
    {
        var last = -1;
        foreach (var number in numbers)
        {
            last = Math.Max(last, number);
        }

        return last;
    }
}
