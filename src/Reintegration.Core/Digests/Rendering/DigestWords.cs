using System.Globalization;
using Reintegration.Domain;

namespace Reintegration.Digests.Rendering;

/// <summary>The fixed words of a digest, in English and Russian.</summary>
internal sealed record DigestWords(
    string Title, string Week, string Generated, string People, string Recommendations, string NothingNew,
    string Score, string Pathway, string Reference, string Checked)
{
    public static DigestWords For(string language) => language == "ru"
        ? new("Еженедельная сводка", "Неделя", "Составлена", "Человек", "Рекомендаций", "На этой неделе новых подходящих вакансий нет.",
            "Оценка", "Правовой путь", "Номер", "сведения проверены")
        : new("Weekly digest", "Week", "Generated", "People", "Recommendations", "No new suitable openings this week.",
            "Score", "Pathway", "Ref.", "checked");

    public static string PathwayName(Pathway pathway, string language) =>
        Matching.Explanations.MatchReasons.PathwayName(pathway, language);

    /// <summary>
    /// ", checked 2026-11-29" after the pathway: how fresh the advice on what to obtain is (nothing to date
    /// for domestic work).
    /// </summary>
    public string CheckedOn(Matching.Match match) =>
        match.ObtainVerifiedOn is { } day && match.Pathway != Domain.Pathway.Domestic
            ? $", {Checked} {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : "";
}
