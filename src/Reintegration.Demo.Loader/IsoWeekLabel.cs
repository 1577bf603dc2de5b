using System.Globalization;

namespace Reintegration.Demo.Loader;

/// <summary>The ISO 8601 week of a day, as the digest routes name it: "2026-W48".</summary>
internal static class IsoWeekLabel
{
    public static string Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }
}
