using Reintegration.Domain;
using Reintegration.Functions.Telemetry;
using Reintegration.Localisation;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Storage.Openings;

namespace Reintegration.Functions.Matches;

/// <summary>
/// Matches a profile against the opening index, once the index holds every open opening; until then a
/// match is refused at once (<see cref="IndexLoadingException"/>, 503 with when to ask again).
/// </summary>
public sealed class Matchmaker(
    MatchingEngine engine, OpeningIndex index, IndexSynchronizer synchronizer, TimeProvider time, AppMetrics metrics)
{
    /// <summary>Judges one stored opening for one person, as the index would, and says why.</summary>
    public VerdictView Judge(string profileId, Profile profile, StoredOpening opening, MatchQuery query)
    {
        if (opening.Closed)
        {
            return new VerdictView(profileId, opening.Id, false, ExclusionReason.Closed, Words.For(query.Language).ClosedByPublisher, null);
        }

        var verdict = engine.Judge(profile, opening.ToListing(), query);
        return new VerdictView(profileId, opening.Id, verdict.Offered, verdict.ExcludedBy, verdict.Explanation, verdict.Match is { } match ? MatchView.Of(match) : null);
    }

    /// <summary>Refuses (503, <see cref="IndexLoadingException"/>) while this instance's index is still loading.</summary>
    public void EnsureReady()
    {
        if (synchronizer.Status is IndexLoading loading)
        {
            throw new IndexLoadingException(loading, loading.RetryAfter(time.GetUtcNow()));
        }
    }

    public MatchResponse Match(string? profileId, Profile profile, MatchQuery query)
    {
        EnsureReady();

        var started = time.GetTimestamp();
        var result = index.Match(profile, query);
        metrics.Matched(time.GetElapsedTime(started));
        return new MatchResponse(profileId, time.GetUtcNow(), result.Matches.Select(MatchView.Of).ToList(), result.Excluded);
    }
}
