using System.Globalization;

namespace Reintegration.Digests;

/// <summary>An ISO 8601 week, written "2026-W48": the unit a digest is made for.</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    public static IsoWeek Of(DateTimeOffset instant) => Of(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>What <see cref="TryParse"/> reads, as a regular expression (which cannot tell the years that have a W53).</summary>
    public const string Pattern = "^2[0-9]{3}-W(0[1-9]|[1-4][0-9]|5[0-3])$";

    /// <summary>Reads "yyyy-Www" for a week that exists (W53 only in years that have it).</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 2000 || year > 2999 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    public int CompareTo(IsoWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
