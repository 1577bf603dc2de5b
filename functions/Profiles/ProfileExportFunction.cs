using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Http;
using Reintegration.Functions.Matches;
using Reintegration.Functions.Placements;
using Reintegration.Storage.Audit;
using Reintegration.Storage.Digests;
using Reintegration.Storage.Placements;
using Reintegration.Storage.Profiles;

namespace Reintegration.Functions.Profiles;

/// <summary>
/// Everything the service keeps about one person, in one document, for the centre to answer the person's
/// request to see their data: the profile, the placements, every digest entry that names them (in the
/// centre's language) and the records of each access to their data.
/// </summary>
public sealed class ProfileExportFunction(
    Api api, ProfileStore profiles, PlacementStore placements, DigestStore digests, AuditStore audit, TimeProvider time)
{
    [PersonalData("everything kept about the person")]
    [Function("ExportProfile")]
    public Task<IResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "profiles/{id}/export")] HttpRequest request, string id) =>
        api.HandleAuditedAsync(request, Roles.Centre, "ExportProfile", async (caller, trail, cancellationToken) =>
        {
            trail.Touched(id);
            var centre = caller.Centre!;
            var language = new QueryParameters(request).Language(centre.Language);
            if (await profiles.GetAsync(centre.Id, id, cancellationToken) is not { } stored)
            {
                return Problems.ProfileNotFound();
            }

            var placed = await placements.ForProfileAsync(centre.Id, id, cancellationToken);
            var entries = await digests.EntriesForAsync(centre.Id, id, cancellationToken);
            var access = await audit.AllByProfileAsync(centre.Id, id, cancellationToken);
            return TypedResults.Json(
                new ProfileExport(
                    time.GetUtcNow(),
                    Resources.Profile(stored),
                    [.. placed.Select(PlacementView.Of)],
                    [.. entries.Select(e => new ExportedDigestEntry(e.Week, [.. e.Entry.Recommendations.Select(r => MatchView.Of(r.In(language)))]))],
                    [.. access.Select(AuditRecordView.Of)]),
                ApiJsonContext.Web.ProfileExport);
        });
}

/// <summary>
/// GET /api/profiles/{id}/export. <see cref="Access"/> lists the accesses recorded before this one,
/// newest first: this export is recorded too, and shows in the next.
/// </summary>
public sealed record ProfileExport(
    DateTimeOffset ExportedAt, JsonObject Profile, IReadOnlyList<PlacementView> Placements, IReadOnlyList<ExportedDigestEntry> DigestEntries,
    IReadOnlyList<AuditRecordView> Access);

/// <summary>What one week's digest recommended to the person.</summary>
public sealed record ExportedDigestEntry(string Week, IReadOnlyList<MatchView> Recommendations);
