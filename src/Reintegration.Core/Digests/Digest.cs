using Reintegration.Matching;

namespace Reintegration.Digests;

/// <summary>One centre's digest for one ISO week: for each of its people, the best new or changed openings.</summary>
public sealed record Digest(string CentreId, string Week, DateTimeOffset GeneratedAt, IReadOnlyList<DigestEntry> Entries);

/// <summary>What a digest recommends to one person.</summary>
public sealed record DigestEntry(string ProfileId, string ExternalRef, string DisplayName, IReadOnlyList<DigestRecommendation> Recommendations);

/// <summary>One recommended opening, explained in both languages, so that the stored digest renders in either.</summary>
public sealed record DigestRecommendation(Match En, Match Ru)
{
    public Match In(string language) => language == "ru" ? Ru : En;
}
