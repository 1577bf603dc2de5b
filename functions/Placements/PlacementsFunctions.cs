using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Domain;
using Reintegration.Functions.Http;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Placements;
using Reintegration.Storage.Profiles;

namespace Reintegration.Functions.Placements;

/// <summary>Recording what came of an opening for a person; a hire takes one of its positions.</summary>
public sealed class PlacementsFunctions(Api api, PlacementStore placements, ProfileStore profiles, OpeningStore openings, IndexSynchronizer index, IOptions<ApiOptions> options)
{
    [Function("RecordPlacement")]
    public Task<IResult> Record([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "placements")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Centre, async (caller, cancellationToken) =>
        {
            var (read, errors) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Web.PlacementRequest, options.Value.MaxBodyBytes, cancellationToken);
            var body = read ?? new PlacementRequest();
            errors.AddUncovered(body.Validate());
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors.ToDictionary());
            }

            var centreId = caller.Centre!.Id;
            if (await profiles.GetAsync(centreId, body.ProfileId, cancellationToken) is null)
            {
                return Problems.ProfileNotFound();
            }

            if (body.Outcome == PlacementOutcome.Hired)
            {
                var (outcome, changes) = await openings.HireAsync(body.OpeningId, body.ProfileId, cancellationToken);
                index.Apply(changes);
                switch (outcome)
                {
                    case HireOutcome.NotFound:
                        return Problems.OpeningNotFound();
                    case HireOutcome.NoPositionLeft:
                        return Problems.Conflict("Every position of this opening is filled (or it is closed).");
                }
            }
            else if (await openings.GetAsync(body.OpeningId, cancellationToken) is null)
            {
                return Problems.OpeningNotFound();
            }

            var placement = await placements.RecordAsync(centreId, body.ProfileId, body.OpeningId, body.Outcome!.Value, cancellationToken);
            return TypedResults.Json(PlacementView.Of(placement), ApiJsonContext.Web.PlacementView, statusCode: StatusCodes.Status201Created);
        });
}
