using Reintegration.Storage.Audit;

namespace Reintegration.Functions.Audit;

/// <summary>One audit record as the API shows it.</summary>
public sealed record AuditRecordView(DateTimeOffset At, string Actor, string Operation, string Route, string? ProfileId, int Outcome)
{
    public static AuditRecordView Of(AuditRecord r) => new(r.At, r.Actor, r.Operation, r.Route, r.ProfileId, r.Outcome);
}

/// <summary>Audit records, newest first, a page at a time.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecordView> Items, string? ContinuationToken);
