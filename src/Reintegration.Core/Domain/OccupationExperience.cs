namespace Reintegration.Domain;

/// <summary>Years of experience in an ISCO-08 unit group.</summary>
public sealed record OccupationExperience
{
    public string Isco { get; init => field = value ?? ""; } = "";
    public int Years { get; init; }
}
