namespace Reintegration.Domain;

/// <summary>A job opening as a publisher submits it. Valid only once <see cref="Validation.OpeningValidator"/> has found no error.</summary>
public sealed record Opening
{
    /// <summary>The publisher's own reference; openings are upserted by it per publisher.</summary>
    public string ExternalRef { get; init => field = value ?? ""; } = "";
    public string Employer { get; init => field = value ?? ""; } = "";
    public string Title { get; init => field = value ?? ""; } = "";
    public string Isco { get; init => field = value ?? ""; } = "";
    public Location Location { get; init => field = value ?? new(); } = new();
    public int Positions { get; init; }
    public IReadOnlyList<string> Skills { get; init => field = value ?? []; } = [];
    public IReadOnlyList<string> Licences { get; init => field = value ?? []; } = [];
    public IReadOnlyList<LanguageSkill> Languages { get; init => field = value ?? []; } = [];
    public int MinYears { get; init; }
    public WageRange? MonthlyWage { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>Whether refugees may apply; not stated (null) counts as yes.</summary>
    public bool? AcceptsRefugees { get; init; }
    public bool PermitSponsorship { get; init; }
    public bool HousingProvided { get; init; }
}
