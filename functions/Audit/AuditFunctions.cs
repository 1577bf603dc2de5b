using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Functions.Http;
using Reintegration.Storage.Audit;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Functions.Audit;

/// <summary>The access audit, read: by the admin, for one person across every centre; by a centre, its own records.</summary>
public sealed class AuditFunctions(Api api, AuditStore audit, PageTokens tokens)
{
    [Function("ListAudit")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Admin, (_, cancellationToken) =>
        {
            var query = new QueryParameters(request);
            var profileId = query.Text("profileId", 100);
            if (query.Errors.IsEmpty && !StableIds.IsId(profileId))
            {
                query.Errors.Add("profileId", "Required: the id of the person whose access records to list (32 lower-case hex characters).");
            }

            return PageAsync(query, $"audit|admin|{profileId}", (size, token) => audit.ByProfileAsync(profileId!, size, token, cancellationToken), cancellationToken);
        });

    [Function("ListMyAudit")]
    public Task<IResult> Mine([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/me")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Centre, (caller, cancellationToken) =>
        {
            var query = new QueryParameters(request);
            var centreId = caller.Centre!.Id;
            return PageAsync(query, $"audit|{centreId}", (size, token) => audit.ByActorAsync(centreId, size, token, cancellationToken), cancellationToken);
        });

    private async Task<IResult> PageAsync(
        QueryParameters query, string scope, Func<int, string?, Task<ResultPage<AuditRecord>>> read, CancellationToken cancellationToken)
    {
        var pageSize = query.Int("pageSize", 100, 1, 1000);
        var token = await tokens.ReadAsync(query, scope, cancellationToken);
        if (!query.Errors.IsEmpty)
        {
            return Problems.Validation(query.Errors);
        }

        var page = await read(pageSize, token);
        var next = await tokens.SealAsync(page.ContinuationToken, scope, cancellationToken);
        return TypedResults.Json(new AuditPage([.. page.Items.Select(AuditRecordView.Of)], next), ApiJsonContext.Web.AuditPage);
    }
}
