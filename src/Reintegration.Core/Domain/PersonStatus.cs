namespace Reintegration.Domain;

/// <summary>Why the person is on a centre's caseload.</summary>
public enum PersonStatus
{
    /// <summary>A migrant worker who came home, often under a re-entry ban.</summary>
    ReturningMigrant,

    /// <summary>A refugee: protected from return to the countries they fled (non-refoulement).</summary>
    Refugee,
}
