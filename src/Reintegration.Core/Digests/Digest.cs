using System.Text.Json.Serialization;
using Reintegration.Localisation;
using Reintegration.Matching;

namespace Reintegration.Digests;

/// <summary>One centre's digest for one ISO week: for each of its people, the best new or changed openings.</summary>
public sealed record Digest(string CentreId, string Week, DateTimeOffset GeneratedAt, IReadOnlyList<DigestEntry> Entries);

/// <summary>What a digest recommends to one person.</summary>
public sealed record DigestEntry(string ProfileId, string ExternalRef, string DisplayName, IReadOnlyList<DigestRecommendation> Recommendations);

/// <summary>
/// One recommended opening, explained in every language there are words for, so that the stored digest
/// renders in any of them. Stored as one object keyed by language code (<c>{"en": …, "ru": …}</c>).
/// The pairs are a small array rather than a dictionary: a week's run holds one per recommendation.
/// </summary>
[JsonConverter(typeof(DigestRecommendationJson))]
public sealed record DigestRecommendation(IReadOnlyList<KeyValuePair<string, Match>> ByLanguage)
{
    public string OpeningId => ByLanguage[0].Value.OpeningId;

    /// <summary>The match in that language; in English when the digest was made before there were words for it.</summary>
    public Match In(string language) => Find(language) ?? Find(Words.English.Code) ?? ByLanguage[0].Value;

    private Match? Find(string language)
    {
        foreach (var (code, match) in ByLanguage)
        {
            if (code == language)
            {
                return match;
            }
        }

        return null;
    }
}
