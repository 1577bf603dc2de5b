using System.Text.Json.Serialization;

namespace Reintegration.Demo.Settings;

/// <summary>
/// The shape of seeds/demo.json: the proportions, weights and ranges the generator draws from.
/// Shares are probabilities, weights are relative, ranges are [min, max] with both ends included.
/// </summary>
internal sealed record DemoSettings(
    IReadOnlyList<string> Sources,
    string AsOf,
    string Note,
    IReadOnlyList<CentreSettings> Centres,
    NameSettings Names,
    Dictionary<string, double> Occupations,
    Dictionary<string, string[]> Skills,
    Dictionary<string, string> Sectors,
    ProfileSettings Profiles,
    OpeningSettings Openings);

internal sealed record CentreSettings(string Key, string Name, string Country, string City, string Language);

internal sealed record NameSettings(Dictionary<string, string> Locales, string DefaultLocale, Dictionary<string, string> LatinInitials);

/// <summary>A closed range of whole numbers, written [min, max] in the JSON.</summary>
[JsonConverter(typeof(IntRangeConverter))]
internal readonly record struct IntRange(int Min, int Max);

/// <summary>A monthly amount range in a currency, rounded to <see cref="Step"/>.</summary>
internal sealed record AmountRange(string Currency, decimal Min, decimal Max, decimal Step);

internal sealed record DaysShare(double Share, IntRange DaysFromToday);

internal sealed record ProfileSettings(
    Dictionary<string, double> RefugeeShare,
    Dictionary<string, double> MaleShare,
    IntRange ConsentDaysAgo,
    DaysShare AvailableFrom,
    ReturneeSettings Returnees,
    RefugeeSettings Refugees,
    BanSettings Bans,
    IntRange OccupationYears,
    double SecondOccupationShare,
    IntRange SecondOccupationYears,
    IntRange SkillsPerOccupation,
    ProfileLicenceSettings Licences,
    Dictionary<string, Dictionary<string, double>> MotherTongue,
    RussianSettings RussianLevels,
    IReadOnlyList<OtherLanguageSettings> OtherLanguages,
    RelocationSettings Relocation,
    MinimumWageSettings MinMonthlyWage);

internal sealed record ReturneeSettings(double BanShare, Dictionary<string, Dictionary<string, double>> BanIssuers);

internal sealed record RefugeeSettings(
    Dictionary<string, double> Citizenships,
    double VoluntaryRepatriationShare,
    double BanShare,
    Dictionary<string, double> BanIssuers,
    double HostLanguageShare,
    Dictionary<string, double> HostLanguageLevels);

internal sealed record BanSettings(
    Dictionary<string, double> Years, double OpenEndedShare, double ExpiredShare, IntRange ExpiredDaysAgo, IntRange OpenEndedFromDaysAgo);

internal sealed record ProfileLicenceSettings(Dictionary<string, double> Anyone, Dictionary<string, Dictionary<string, double>> ByIsco);

internal sealed record RussianSettings(Dictionary<string, Dictionary<string, double>> ByCitizenship, Dictionary<string, double> Refugees);

internal sealed record OtherLanguageSettings(string Code, double Share, Dictionary<string, double> Levels, IReadOnlyList<string>? Citizenships = null);

internal sealed record RelocationSettings(double WillingShare, double SpecificCountriesShare, IntRange CountriesListed, Dictionary<string, double> Countries);

internal sealed record MinimumWageSettings(double Share, Dictionary<string, AmountRange> ByHomeCountry);

internal sealed record OpeningSettings(
    Dictionary<string, double> Countries,
    WageSettings Wages,
    Dictionary<string, double> Positions,
    DaysShare StartDate,
    ExpirySettings ExpiresOn,
    double AcceptsRefugeesShare,
    PermitSponsorshipSettings PermitSponsorshipShare,
    double HousingProvidedShare,
    Dictionary<string, double> MinYears,
    IntRange SkillsRequired,
    Dictionary<string, Dictionary<string, double>> Licences,
    IReadOnlyList<LanguageRequirementSettings> Languages,
    EmployerSettings Employers);

internal sealed record WageSettings(double Share, Dictionary<string, AmountRange> ByCountry);

internal sealed record ExpirySettings(IntRange DaysFromToday);

/// <summary>Openings in the centres' own countries (origin) and elsewhere (foreign).</summary>
internal sealed record PermitSponsorshipSettings(double Origin, double Foreign);

/// <summary>A language an opening requires with <see cref="Share"/>, where its country and ISCO code match (empty lists match all).</summary>
internal sealed record LanguageRequirementSettings(
    string Code, string Level, double Share, IReadOnlyList<string>? Countries = null, IReadOnlyList<string>? Iscos = null);

internal sealed record EmployerSettings(
    Dictionary<string, string[]> Stems, Dictionary<string, string[]> Suffixes, Dictionary<string, string[]> SectorWords);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(DemoSettings))]
internal sealed partial class DemoSettingsContext : JsonSerializerContext;
