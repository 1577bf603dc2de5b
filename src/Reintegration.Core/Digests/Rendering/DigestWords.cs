using Reintegration.Domain;

namespace Reintegration.Digests.Rendering;

/// <summary>The fixed words of a digest, in English and Russian.</summary>
internal sealed record DigestWords(
    string Title, string Week, string Generated, string People, string Recommendations, string NothingNew,
    string Score, string Pathway, string Reference)
{
    public static DigestWords For(string language) => language == "ru"
        ? new("Еженедельная сводка", "Неделя", "Составлена", "Человек", "Рекомендаций", "На этой неделе новых подходящих вакансий нет.",
            "Оценка", "Правовой путь", "Номер")
        : new("Weekly digest", "Week", "Generated", "People", "Recommendations", "No new suitable openings this week.",
            "Score", "Pathway", "Ref.");

    public static string PathwayName(Pathway pathway, string language) =>
        Matching.Explanations.MatchReasons.PathwayName(pathway, language);
}
