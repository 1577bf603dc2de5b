using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Functions.Http;
using Reintegration.Storage.Openings;

namespace Reintegration.Functions.Openings;

/// <summary>The positions taken of an opening: its publisher (or the admin) sees who took them and can give one back, with a reason.</summary>
public sealed class HiresFunctions(Api api, OpeningStore openings, HireStore hires, IndexSynchronizer index, IOptions<ApiOptions> options)
{
    [Function("ListHires")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openings/{id}/hires")] HttpRequest request, string id) =>
        api.HandleAsync(request, Roles.Any, async (caller, cancellationToken) =>
        {
            if (await PublisherCheckAsync(caller, id, cancellationToken) is { } refused)
            {
                return refused;
            }

            var list = await hires.ListAsync(id, cancellationToken);
            return list is null
                ? Problems.OpeningNotFound()
                : TypedResults.Json(new HireList([.. list.Select(HireView.Of)]), ApiJsonContext.Web.HireList);
        });

    [Function("ReleaseHire")]
    public Task<IResult> Release(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "openings/{id}/hires/{hireId}/release")] HttpRequest request, string id, string hireId) =>
        api.HandleAsync(request, Roles.Any, async (caller, cancellationToken) =>
        {
            var (body, errors) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Web.ReleaseRequest, options.Value.MaxBodyBytes, cancellationToken);
            errors.AddUncovered((body ?? new ReleaseRequest()).Validate());
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            if (await PublisherCheckAsync(caller, id, cancellationToken) is { } refused)
            {
                return refused;
            }

            if (!HireStore.IsHireId(hireId))
            {
                return Problems.NotFound("This opening has no hire with that id.");
            }

            var (outcome, changes) = await hires.ReleaseAsync(id, hireId, caller.PublisherId, body!.Reason.Trim(), cancellationToken);
            index.Apply(changes);
            return outcome switch
            {
                ReleaseOutcome.Released => TypedResults.Json(
                    HireView.Of((await hires.ListAsync(id, cancellationToken))!.Single(h => h.Id == hireId)), ApiJsonContext.Web.HireView),
                ReleaseOutcome.AlreadyReleased => Problems.Conflict("This position was given back already."),
                _ => Problems.NotFound("This opening has no hire with that id."),
            };
        });

    /// <summary>Null when the caller may see the opening's hires (its publisher, or the admin); else the problem to answer.</summary>
    private async Task<IResult?> PublisherCheckAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        await openings.GetAsync(id, cancellationToken) is not { } opening ? Problems.OpeningNotFound()
        : caller.IsAdmin || opening.PublisherId == caller.PublisherId ? null
        : Problems.Forbidden("Only the publisher of an opening, or the admin, sees and gives back its positions.");
}
