namespace Reintegration.Storage.Audit;

/// <summary>
/// One access to personal data: when, by whom (a centre's id or "admin"), through which operation and
/// route, to which person (the pseudonymous profile id only, or none for a walk-in profile that is not
/// stored), and the HTTP status it ended with.
/// </summary>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string Operation, string Route, string? ProfileId, int Outcome);
