using Reintegration.Digests;
using Reintegration.Functions.Matches;

namespace Reintegration.Functions.Digests;

/// <summary>A digest as the API (and the webhook) shows it, in one language; no display names.</summary>
public sealed record DigestView(string CentreId, string Week, DateTimeOffset GeneratedAt, IReadOnlyList<DigestEntryView> Entries)
{
    public static DigestView Of(Digest digest, string language) => new(
        digest.CentreId, digest.Week, digest.GeneratedAt,
        digest.Entries.Select(e => new DigestEntryView(e.ProfileId, e.ExternalRef, e.Recommendations.Select(r => MatchView.Of(r.In(language))).ToList())).ToList());
}

public sealed record DigestEntryView(string ProfileId, string ExternalRef, IReadOnlyList<MatchView> Matches);

/// <summary>
/// What a run did. <see cref="Covered"/> and <see cref="CoverageBound"/> count, of everyone the run
/// allocated for (all centres at once, so that the caps hold across them), the people given at least
/// one recommendation and the most any allocation under the caps could have given one; both 0 when
/// every centre's digest was already stored.
/// </summary>
public sealed record DigestRunReport(
    string Week, DateTimeOffset GeneratedAt, int Centres, int Computed, int People, int Recommendations, int Delivered,
    int DeliveryFailures, int Covered, int CoverageBound);
