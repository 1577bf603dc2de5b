using Reintegration.Domain;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Matching;

/// <summary>
/// An opening compiled once for matching: codes as numbers, dates as day numbers, texts normalised,
/// the wage in US dollars, the region looked up, skills, licences and languages numbered
/// (<see cref="Vocabulary"/>). Immutable; shared by every query.
/// </summary>
internal sealed class CandidateOpening
{
    private CandidateOpening(OpeningListing listing) => (Listing, Id) = (listing, listing.Id);

    public OpeningListing Listing { get; }

    /// <summary>The listing's id, held here too: a ranking compares ids of openings whose listing it does not otherwise read.</summary>
    public string Id { get; }
    public Opening Opening => Listing.Opening;
    public required int Country { get; init; }
    public required IscoUnit Isco { get; init; }
    public required GeoPoint Point { get; init; }
    public required int Region { get; init; }
    public required int StartDay { get; init; }
    public required int ExpiresDay { get; init; }
    public required int Unfilled { get; init; }
    public required bool AcceptsRefugees { get; init; }
    public required string[] Skills { get; init; }
    public required int[] SkillIds { get; init; }
    public required string[] Licences { get; init; }
    public required int[] LicenceIds { get; init; }
    public required (string Code, CefrLevel Level)[] Languages { get; init; }
    public required int[] LanguageIds { get; init; }
    public required int MinYears { get; init; }
    public required double WageUsd { get; init; }
    public required bool PermitSponsorship { get; init; }

    public static CandidateOpening Compile(OpeningListing listing, ReferenceData reference, CountryIndex countries, Vocabulary vocabulary)
    {
        var opening = listing.Opening;
        var (lat, lon) = LocationRules.Coordinates(opening.Location, reference);
        var (skills, licences) = (Text.NormaliseAll(opening.Skills), Text.NormaliseAll(opening.Licences));
        var languages = opening.Languages.Select(l => (l.Code, Cefr.Parse(l.Level))).ToArray();
        return new CandidateOpening(listing)
        {
            Country = countries.IndexOf(opening.Location.Country),
            Isco = IscoUnit.Parse(opening.Isco),
            Point = new GeoPoint(lat, lon),
            Region = reference.Places.RegionIdAt(opening.Location.Country, lat, lon),
            StartDay = opening.StartDate?.DayNumber ?? int.MinValue,
            ExpiresDay = opening.ExpiresOn?.DayNumber ?? int.MaxValue,
            Unfilled = listing.Unfilled,
            AcceptsRefugees = opening.AcceptsRefugees != false,
            Skills = skills,
            SkillIds = skills.Length == 0 ? [] : Array.ConvertAll(skills, vocabulary.IdOf),
            Licences = licences,
            LicenceIds = licences.Length == 0 ? [] : Array.ConvertAll(licences, vocabulary.IdOf),
            Languages = languages,
            LanguageIds = languages.Length == 0 ? [] : Array.ConvertAll(languages, l => vocabulary.IdOf(l.Code)),
            MinYears = opening.MinYears,
            WageUsd = opening.MonthlyWage is { } wage
                ? (double)reference.Currencies.ToUsd((wage.Min + wage.Max) / 2, wage.Currency)
                : double.NaN,
            PermitSponsorship = opening.PermitSponsorship,
        };
    }
}
