namespace Reintegration.Domain;

/// <summary>
/// A returnee's or refugee's profile as a centre submits it. Pseudonymous by design: a display name,
/// no document numbers. Valid only once <see cref="Validation.ProfileValidator"/> has found no error.
/// A field left out of the JSON, or set to null in code, takes its empty default rather than null
/// (the source-generated serializer assigns every init property), so the validator, not a
/// NullReferenceException, is what reports it.
/// </summary>
public sealed record Profile
{
    /// <summary>The centre's own reference; profiles are upserted by it within the centre.</summary>
    public string ExternalRef { get; init => field = value ?? ""; } = "";
    public string DisplayName { get; init => field = value ?? ""; } = "";
    public string Citizenship { get; init => field = Codes.Upper(value) ?? ""; } = "";
    /// <summary>Required: left out, nothing may be assumed (a refugee taken for a returnee would lose non-refoulement).</summary>
    public PersonStatus? Status { get; init; }
    public IReadOnlyList<string> FledCountries { get; init => field = Codes.Upper(value); } = [];
    public bool VoluntaryRepatriation { get; init; }
    public Location Home { get; init => field = value ?? new(); } = new();
    public IReadOnlyList<EntryBan> Bans { get; init => field = value ?? []; } = [];
    public IReadOnlyList<OccupationExperience> Occupations { get; init => field = value ?? []; } = [];
    public IReadOnlyList<string> Skills { get; init => field = value ?? []; } = [];
    public IReadOnlyList<string> Licences { get; init => field = value ?? []; } = [];
    public IReadOnlyList<LanguageSkill> Languages { get; init => field = value ?? []; } = [];
    public DateOnly? AvailableFrom { get; init; }
    public Relocation Relocation { get; init => field = value ?? new(); } = new();
    public Money? MinMonthlyWage { get; init; }
    public Consent Consent { get; init => field = value ?? new(); } = new();
}
