using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reintegration.Storage.Retention;

namespace Reintegration.Functions.Profiles;

/// <summary>Every night at 03:30 UTC: erases the profiles and audit records kept past their time, and logs how many.</summary>
public sealed partial class RetentionFunction(RetentionSweep sweep, ILogger<RetentionFunction> logger)
{
    [Function("RetentionSweep")]
    public async Task<RetentionReport> Run([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, report.ProfilesErased, report.AuditRecordsDeleted);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: {Profiles} profiles erased, {AuditRecords} audit records deleted")]
    private static partial void LogSwept(ILogger logger, int profiles, int auditRecords);
}
