using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Domain;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Http;
using Reintegration.Storage.Profiles;
using Reintegration.Validation;

namespace Reintegration.Functions.Profiles;

/// <summary>A centre's caseload: upsert (one or many), read, replace, erase, page.</summary>
public sealed class ProfilesFunctions(Api api, ProfileStore profiles, ProfileQuotas quotas, PageTokens tokens, ProfileErasure erasure, ProfileValidator validator, TimeProvider time, IOptions<ApiOptions> options)
{
    [PersonalData("the profiles sent")]
    [Function("UpsertProfiles")]
    public Task<IResult> Upsert([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "profiles")] HttpRequest request) =>
        api.HandleAuditedAsync(request, Roles.Centre, "UpsertProfiles", async (caller, trail, cancellationToken) =>
        {
            var (items, isArray, errors) = await RequestBody.ReadOneOrManyAsync(request, ReintegrationJsonContext.Default.Profile,
                options.Value.MaxBodyBytes, options.Value.MaxItems, cancellationToken);
            errors.AddUncovered(Validate(items, isArray));
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            if (await quotas.CheckAsync(caller.Centre!, items.Select(p => p!.ExternalRef), cancellationToken) is { } overQuota)
            {
                return overQuota;
            }

            var outcomes = await profiles.UpsertAsync(caller.Centre!.Id, items!, cancellationToken);
            trail.Touched(outcomes.Select(o => o.Id));
            return TypedResults.Json(new UpsertResponse(outcomes), ApiJsonContext.Web.UpsertResponse);
        });

    [PersonalData("the profile")]
    [Function("GetProfile")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "profiles/{id}")] HttpRequest request, string id) =>
        api.HandleAuditedAsync(request, Roles.Centre, "GetProfile", async (caller, trail, cancellationToken) =>
        {
            trail.Touched(id);
            return await profiles.GetAsync(caller.Centre!.Id, id, cancellationToken) is { } stored
                ? Resources.Json(Resources.Profile(stored), stored.ETag.ToString("H"))
                : Problems.ProfileNotFound();
        });

    [PersonalData("the profile")]
    [Function("ReplaceProfile")]
    public Task<IResult> Replace([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "profiles/{id}")] HttpRequest request, string id) =>
        api.HandleAuditedAsync(request, Roles.Centre, "ReplaceProfile", async (caller, trail, cancellationToken) =>
        {
            trail.Touched(id);
            var body = await RequestBody.ReadAsync(request, "application/json", options.Value.MaxBodyBytes, cancellationToken);
            var centreId = caller.Centre!.Id;
            if (ConsentWithdrawn(body))
            {
                // The person took their consent back: nothing of them may stay, whatever else the body says.
                return await erasure.EraseAsync(centreId, id, cancellationToken) ? TypedResults.NoContent() : Problems.ProfileNotFound();
            }

            var (profile, errors) = RequestBody.ReadJson(body, ReintegrationJsonContext.Default.Profile);

            errors.AddUncovered(validator.Validate(profile, time.UtcToday()));
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            if (await profiles.GetAsync(centreId, id, cancellationToken) is not { } current)
            {
                return Problems.ProfileNotFound();
            }

            if (ProfileStore.IdFor(centreId, profile!.ExternalRef) != id)
            {
                return Problems.Invalid("externalRef", "Does not match this profile: its id derives from its external reference, which cannot change.");
            }

            if (!TryReadIfMatch(request, current.ETag, out var ifMatch))
            {
                return Problems.PreconditionFailed("If-Match must be * or one entity tag, as the ETag header of GET gave it.");
            }

            return await profiles.ReplaceAsync(centreId, id, profile, ifMatch, cancellationToken) is { } stored
                ? Resources.Json(Resources.Profile(stored), stored.ETag.ToString("H"))
                : Problems.ProfileNotFound();
        });

    [PersonalData("the profile and its placements and digest entries")]
    [Function("EraseProfile")]
    public Task<IResult> Erase([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "profiles/{id}")] HttpRequest request, string id) =>
        api.HandleAuditedAsync(request, Roles.Centre, "EraseProfile", async (caller, trail, cancellationToken) =>
        {
            trail.Touched(id);
            return await erasure.EraseAsync(caller.Centre!.Id, id, cancellationToken) ? TypedResults.NoContent() : Problems.ProfileNotFound();
        });

    [PersonalData("a page of the centre's profiles")]
    [Function("ListProfiles")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "profiles")] HttpRequest request) =>
        api.HandleAuditedAsync(request, Roles.Centre, "ListProfiles", async (caller, trail, cancellationToken) =>
        {
            var query = new QueryParameters(request);
            var pageSize = query.Int("pageSize", 100, 1, 1000);
            var scope = $"profiles|{caller.Centre!.Id}";
            var token = await tokens.ReadAsync(query, scope, cancellationToken);
            if (!query.Errors.IsEmpty)
            {
                return Problems.Validation(query.Errors);
            }

            var page = await profiles.ListAsync(caller.Centre!.Id, pageSize, token, cancellationToken);
            trail.Touched(page.Items.Select(p => p.Id));
            var next = await tokens.SealAsync(page.ContinuationToken, scope, cancellationToken);
            return TypedResults.Json(new ItemPage(page.Items.Select(Resources.Profile).ToList(), next), ApiJsonContext.Web.ItemPage);
        });

    /// <summary>Whether the body says, in so many words, <c>"consent": { "dataProcessing": false }</c>: leaving consent out withdraws nothing.</summary>
    private static bool ConsentWithdrawn(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("consent", out var consent) && consent.ValueKind == JsonValueKind.Object
                && consent.TryGetProperty("dataProcessing", out var given) && given.ValueKind == JsonValueKind.False;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private ValidationErrors Validate(IReadOnlyList<Profile?> items, bool isArray)
    {
        var today = time.UtcToday();
        return BatchValidation.Validate(items, isArray, (item, prefix) => validator.Validate(item, today, prefix), item => item?.ExternalRef);
    }

    /// <summary>
    /// The version a replacement must still find: the client's If-Match (* or one strong or weak entity
    /// tag), or, without one, the version just read. Anything else cannot match any version.
    /// </summary>
    private static bool TryReadIfMatch(HttpRequest request, ETag current, out ETag ifMatch)
    {
        ifMatch = current;
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return true;
        }

        var text = header.ToString().Trim();
        if (text == "*")
        {
            ifMatch = ETag.All;
            return true;
        }

        if (header.Count == 1 && Microsoft.Net.Http.Headers.EntityTagHeaderValue.TryParse(text, out var tag))
        {
            ifMatch = new ETag(tag.ToString());
            return true;
        }

        return false;
    }

}
