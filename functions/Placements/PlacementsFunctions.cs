using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Domain;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Http;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Placements;
using Reintegration.Storage.Profiles;

namespace Reintegration.Functions.Placements;

/// <summary>Recording what came of an opening for a person; a hire takes one of its positions.</summary>
public sealed class PlacementsFunctions(
    Api api, PlacementStore placements, ProfileStore profiles, OpeningStore openings, HireStore hires, IndexSynchronizer index,
    SigningKey signingKey, TimeProvider time, IOptions<ApiOptions> options, IOptions<HireOptions> hireOptions)
{
    [PersonalData("the person's placement")]
    [Function("RecordPlacement")]
    public Task<IResult> Record([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "placements")] HttpRequest request) =>
        api.HandleAuditedAsync(request, Roles.Centre, "RecordPlacement", async (caller, trail, cancellationToken) =>
        {
            var (read, errors) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Web.PlacementRequest, options.Value.MaxBodyBytes, cancellationToken);
            var body = read ?? new PlacementRequest();
            errors.AddUncovered(body.Validate());
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            var centreId = caller.Centre!.Id;
            trail.Touched(body.ProfileId);
            if (await profiles.GetAsync(centreId, body.ProfileId, cancellationToken) is null)
            {
                return Problems.ProfileNotFound();
            }

            if (body.Outcome == PlacementOutcome.Hired)
            {
                // The hire names the person by a token of this opening and person only: kept after erasure, linked to nothing else.
                var person = await signingKey.TokenAsync("hire", $"{body.OpeningId}\n{body.ProfileId}", cancellationToken);
                var (outcome, changes) = await hires.HireAsync(body.OpeningId, centreId, person, cancellationToken);
                index.Apply(changes);
                if (HireRefused(outcome) is { } refused)
                {
                    return refused;
                }
            }
            else if (await openings.GetAsync(body.OpeningId, cancellationToken) is null)
            {
                return Problems.OpeningNotFound();
            }

            var placement = await placements.RecordAsync(centreId, body.ProfileId, body.OpeningId, body.Outcome!.Value, cancellationToken);
            return TypedResults.Json(PlacementView.Of(placement), ApiJsonContext.Web.PlacementView, statusCode: StatusCodes.Status201Created);
        });

    private IResult? HireRefused(HireOutcome outcome) => outcome switch
    {
        HireOutcome.NotFound => Problems.OpeningNotFound(),
        HireOutcome.NoPositionLeft => Problems.Conflict("Every position of this opening is filled (or it is closed)."),
        HireOutcome.LimitPerOpening => Problems.Conflict(
            $"This centre holds as many positions of this opening, which another publisher published, as a centre may "
            + $"({hireOptions.Value.MaxShareOfForeignOpening:P0} of them, rounded up). Its publisher can give positions back."),
        HireOutcome.LimitPerDay => Problems.TooManyRequests(
            $"This centre took {hireOptions.Value.MaxForeignPerDay} positions of others' openings today (UTC), the most it may in a day.",
            NextUtcDay()),
        _ => null,
    };

    private TimeSpan NextUtcDay()
    {
        var now = time.GetUtcNow();
        return now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
    }
}
