using Microsoft.Extensions.Options;
using Reintegration.Domain;
using Reintegration.Functions.Http;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;

namespace Reintegration.Functions.Matches;

/// <summary>Matches a profile against the opening index, once the index holds every open opening.</summary>
public sealed class Matchmaker(OpeningIndex index, IndexSynchronizer synchronizer, TimeProvider time, IOptions<ApiOptions> options)
{
    public async Task<MatchResponse> MatchAsync(string? profileId, Profile profile, MatchQuery query, CancellationToken cancellationToken)
    {
        if (!synchronizer.IsLoaded)
        {
            try
            {
                await synchronizer.Loaded.WaitAsync(options.Value.IndexWait, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new StorageUnavailableException("The opening index is still loading.", TimeSpan.FromSeconds(5));
            }
        }

        var result = index.Match(profile, query);
        return new MatchResponse(profileId, time.GetUtcNow(), result.Matches.Select(MatchView.Of).ToList(), result.Excluded);
    }

    public DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
