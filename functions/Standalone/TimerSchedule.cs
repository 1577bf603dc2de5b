using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace Reintegration.Functions.Standalone;

/// <summary>
/// A timer trigger's schedule as the Functions host reads it: a six-field NCRONTAB expression
/// (seconds first) or a constant interval (<c>hh:mm:ss</c>), either possibly named by a
/// <c>%Setting%</c> resolved from configuration. Occurrences are in UTC.
/// </summary>
public sealed partial class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan? _interval;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan? interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    /// <summary>The resolved expression, after any <c>%Setting%</c> was replaced.</summary>
    public string Expression { get; }

    public static TimerSchedule Parse(string declared, IConfiguration configuration)
    {
        var expression = SettingReference().Replace(declared, match =>
            configuration[match.Groups[1].Value] is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"The timer schedule '{declared}' names the setting '{match.Groups[1].Value}', which is not configured."));

        if (expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
            && CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is { } cron)
        {
            return new TimerSchedule(expression, cron, null);
        }

        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(expression, null, interval);
        }

        throw new FormatException($"'{expression}' is neither a six-field NCRONTAB expression nor an hh:mm:ss interval.");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after) =>
        _cron is not null
            ? new DateTimeOffset(DateTime.SpecifyKind(_cron.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc))
            : after + _interval!.Value;

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
