using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Domain;
using Reintegration.Functions.Http;
using Reintegration.Functions.Profiles;
using Reintegration.Reference;
using Reintegration.Storage.Openings;
using Reintegration.Validation;

namespace Reintegration.Functions.Openings;

/// <summary>Openings, published by the admin or a centre: upsert (one or many), read, list, close.</summary>
public sealed class OpeningsFunctions(Api api, OpeningStore openings, PageTokens tokens, IndexSynchronizer index, OpeningValidator validator, ReferenceData reference, TimeProvider time, IOptions<ApiOptions> options)
{
    [Function("UpsertOpenings")]
    public Task<IResult> Upsert([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "openings")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Any, async (caller, cancellationToken) =>
        {
            var (items, isArray, errors) = await RequestBody.ReadOneOrManyAsync(request, ReintegrationJsonContext.Default.Opening,
                options.Value.MaxBodyBytes, options.Value.MaxItems, cancellationToken);
            errors.AddUncovered(Validate(items, isArray, caller));
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            var (outcomes, changes) = await openings.UpsertAsync(caller.PublisherId, items!, cancellationToken);
            index.Apply(changes);
            return TypedResults.Json(new UpsertResponse(outcomes), ApiJsonContext.Web.UpsertResponse);
        });

    [Function("GetOpening")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openings/{id}")] HttpRequest request, string id) =>
        api.HandleAsync(request, Roles.Any, async (_, cancellationToken) =>
            await openings.GetAsync(id, cancellationToken) is { } stored ? Resources.Json(Resources.Opening(stored), stored.ETag.ToString("H")) : Problems.OpeningNotFound());

    [Function("ListOpenings")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openings")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Any, async (caller, cancellationToken) =>
        {
            var query = new QueryParameters(request);
            var country = query.Country("country", reference);
            var isco = query.Isco("isco", reference);
            var pageSize = query.Int("pageSize", 100, 1, 1000);
            var scope = $"openings|{caller.PublisherId}|{country}|{isco}";
            var token = await tokens.ReadAsync(query, scope, cancellationToken);
            if (!query.Errors.IsEmpty)
            {
                return Problems.Validation(query.Errors);
            }

            var page = await openings.ListAsync(country, isco, pageSize, token, cancellationToken);
            var next = await tokens.SealAsync(page.ContinuationToken, scope, cancellationToken);
            return TypedResults.Json(new ItemPage(page.Items.Select(Resources.Opening).ToList(), next), ApiJsonContext.Web.ItemPage);
        });

    [Function("CloseOpening")]
    public Task<IResult> Close([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "openings/{id}")] HttpRequest request, string id) =>
        api.HandleAsync(request, Roles.Any, async (caller, cancellationToken) =>
        {
            var (outcome, changes) = await openings.CloseAsync(id, caller.IsAdmin ? null : caller.PublisherId, cancellationToken);
            index.Apply(changes);
            return outcome switch
            {
                CloseOutcome.Closed => TypedResults.NoContent(),
                CloseOutcome.NotPublisher => Problems.Forbidden("Only the publisher of an opening, or the admin, can close it."),
                _ => Problems.OpeningNotFound(),
            };
        });

    private ValidationErrors Validate(IReadOnlyList<Opening?> items, bool isArray, Caller caller)
    {
        var today = time.UtcToday();
        return BatchValidation.Validate(items, isArray, (item, prefix) => validator.Validate(item, today, !caller.IsAdmin, prefix), item => item?.ExternalRef);
    }
}
