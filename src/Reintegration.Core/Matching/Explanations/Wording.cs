using System.Globalization;

namespace Reintegration.Matching.Explanations;

/// <summary>Numbers and dates written for people reading English or Russian.</summary>
internal static class Wording
{
    public static bool IsRussian(string language) => language == "ru";

    public static string Pick(string language, string en, string ru) => IsRussian(language) ? ru : en;

    public static string Amount(decimal amount, string language)
    {
        var text = Math.Round(amount).ToString("#,0", CultureInfo.InvariantCulture);
        return IsRussian(language) ? text.Replace(',', '\u00A0') : text;
    }

    public static string Km(double km, string language) => Amount((decimal)Math.Round(km), language) + Pick(language, " km", " км");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(int dayNumber) => Date(DateOnly.FromDayNumber(dayNumber));

    /// <summary>"at least 4 years" / "не менее 4 лет": the Russian genitive after a comparison.</summary>
    public static string YearsAfterComparison(int years, string language) =>
        !IsRussian(language) ? Years(years, language)
        : years % 10 == 1 && years % 100 != 11 ? $"{years} года" : $"{years} лет";

    /// <summary>"6 years" / "6 лет", with Russian plural forms.</summary>
    public static string Years(int years, string language)
    {
        if (!IsRussian(language))
        {
            return years == 1 ? "1 year" : $"{years} years";
        }

        var lastTwo = years % 100;
        var last = years % 10;
        var word = lastTwo is >= 11 and <= 14 ? "лет" : last == 1 ? "год" : last is >= 2 and <= 4 ? "года" : "лет";
        return $"{years} {word}";
    }
}
