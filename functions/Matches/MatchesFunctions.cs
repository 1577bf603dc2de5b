using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Http;
using Reintegration.Matching;
using Reintegration.Reference;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Profiles;
using Reintegration.Validation;

namespace Reintegration.Functions.Matches;

/// <summary>The openings a person may take, ranked and explained: for a stored profile, or one sent with the request.</summary>
public sealed class MatchesFunctions(Api api, RateLimits limits, Matchmaker matchmaker, TimeProvider time, ProfileStore profiles, OpeningStore openings, ProfileValidator validator, ReferenceData reference, IOptions<ApiOptions> options)
{
    [PersonalData("the profile, judged against one opening")]
    [Function("JudgeOpening")]
    public Task<IResult> Judge([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "profiles/{id}/matches/{openingId}")] HttpRequest request, string id, string openingId) =>
        api.HandleAuditedAsync(request, Roles.Centre, "JudgeOpening", async (caller, trail, cancellationToken) =>
        {
            trail.Touched(id);
            if (await profiles.GetAsync(caller.Centre!.Id, id, cancellationToken) is not { } stored)
            {
                return Problems.ProfileNotFound();
            }

            if (await openings.GetAsync(openingId, cancellationToken) is not { } opening)
            {
                return Problems.OpeningNotFound();
            }

            var query = new MatchQuery { Today = time.UtcToday(), Language = new QueryParameters(request).Language(caller.Centre.Language) };
            return TypedResults.Json(matchmaker.Judge(stored.Id, stored.Profile, opening, query), ApiJsonContext.Web.VerdictView);
        });

    [PersonalData("the profile, matched")]
    [Function("MatchProfile")]
    public Task<IResult> ForStored([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "profiles/{id}/matches")] HttpRequest request, string id) =>
        api.HandleAuditedAsync(request, Roles.Centre, "MatchProfile", async (caller, trail, cancellationToken) =>
        {
            trail.Touched(id);
            if (!TryReadQuery(request, caller, out var query, out var problem))
            {
                return problem;
            }

            if (await profiles.GetRecentAsync(caller.Centre!.Id, id, cancellationToken) is not { } stored)
            {
                return Problems.ProfileNotFound();
            }

            var response = matchmaker.Match(stored.Id, stored.Profile, query);
            return TypedResults.Json(response, ApiJsonContext.Web.MatchResponse);
        });

    [PersonalData("a walk-in person's profile, matched and not stored")]
    [Function("MatchAdHoc")]
    public Task<IResult> ForSent([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "matches")] HttpRequest request) =>
        api.HandleAuditedAsync(request, Roles.Centre, "MatchAdHoc", async (caller, _, cancellationToken) =>
        {
            // Before the hourly quota: a centre sent away while the index loads keeps its walk-ins.
            matchmaker.EnsureReady();
            if (limits.TakeWalkIn(caller.PublisherId) is { } wait)
            {
                return Problems.TooManyRequests("This centre has matched more walk-in profiles this hour than the service allows; store the person's profile, or send again later.", wait);
            }

            if (!TryReadQuery(request, caller, out var query, out var problem))
            {
                return problem;
            }

            var (profile, errors) = await RequestBody.ReadJsonAsync(request, ReintegrationJsonContext.Default.Profile, options.Value.MaxBodyBytes, cancellationToken);
            errors.AddUncovered(validator.Validate(profile, time.UtcToday()));
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            var response = matchmaker.Match(null, profile!, query);
            return TypedResults.Json(response, ApiJsonContext.Web.MatchResponse);
        });

    private bool TryReadQuery(HttpRequest request, Caller caller, out MatchQuery query, out IResult problem)
    {
        var parameters = new QueryParameters(request);
        query = new MatchQuery
        {
            Today = time.UtcToday(),
            Top = parameters.Int("top", 10, 1, MatchQuery.MaxTop),
            Country = parameters.Country("country", reference),
            Explain = parameters.Bool("explain", true),
            Language = parameters.Language(caller.Centre!.Language),
        };
        problem = parameters.Errors.IsEmpty ? TypedResults.Empty : Problems.Validation(parameters.Errors);
        return parameters.Errors.IsEmpty;
    }
}
