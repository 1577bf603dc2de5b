namespace Reintegration.Storage.Audit;

/// <summary>The access audit's settings, bound from <c>Reintegration:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Reintegration:Audit";

    /// <summary>How long audit records are kept: a person's record of who saw their data outlives their erasure by up to this.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>
    /// Where the audit table lives, when not beside the other tables (a connection string or a Table
    /// service URI, as <c>Reintegration:Storage</c>): an operator can keep the audit in an account the
    /// app's other data cannot be confused with. Empty: the same account.
    /// </summary>
    public string Storage { get; set; } = "";
}
