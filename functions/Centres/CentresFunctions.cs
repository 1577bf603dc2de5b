using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Functions.Http;
using Reintegration.Storage.Centres;
using Reintegration.Validation;

namespace Reintegration.Functions.Centres;

/// <summary>Centres: registered, listed and changed by the admin, who also issues new keys; a centre reads and changes itself.</summary>
public sealed class CentresFunctions(Api api, CentreStore centres, CentreValidator validator, IOptions<ApiOptions> options)
{
    [Function("CreateCentre")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "centres")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Admin, async (_, cancellationToken) =>
        {
            var (read, errors) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Web.CentreRequest, options.Value.MaxBodyBytes, cancellationToken);
            var body = read ?? new CentreRequest();
            errors.AddUncovered(body.Validate(validator));
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors.ToDictionary());
            }

            var (outcome, centre, apiKey) = await centres.CreateAsync(body.Name.Trim(), body.Country, body.Region, body.WebhookUrl, body.Language, cancellationToken);
            return outcome == CentreWriteOutcome.DuplicateName
                ? DuplicateName(body.Country)
                : TypedResults.Json(CentreCreated.Of(centre!, apiKey!), ApiJsonContext.Web.CentreCreated, statusCode: StatusCodes.Status201Created);
        });

    [Function("ListCentres")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "centres")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Admin, async (_, cancellationToken) =>
        {
            var query = new QueryParameters(request);
            var pageSize = query.Int("pageSize", 100, 1, 1000);
            var token = query.Text("continuationToken", 2048);
            if (!query.Errors.IsEmpty)
            {
                return Problems.Validation(query.Errors.ToDictionary());
            }

            var page = await centres.ListAsync(pageSize, token, cancellationToken);
            return TypedResults.Json(new CentrePage([.. page.Items.Select(CentreView.Of)], page.ContinuationToken), ApiJsonContext.Web.CentrePage);
        });

    [Function("GetMyCentre")]
    public Task<IResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "centres/me")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Centre, (caller, _) =>
            Task.FromResult<IResult>(TypedResults.Json(CentreView.Of(caller.Centre!), ApiJsonContext.Web.CentreView)));

    [Function("UpdateMyCentre")]
    public Task<IResult> UpdateMe([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "centres/me")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Centre, (caller, cancellationToken) => UpdateAsync(request, caller.Centre!.Id, cancellationToken));

    [Function("UpdateCentre")]
    public Task<IResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "centres/{id}")] HttpRequest request, string id) =>
        api.HandleAsync(request, Roles.Admin, (_, cancellationToken) => UpdateAsync(request, id, cancellationToken));

    [Function("RotateCentreKey")]
    public Task<IResult> RotateKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "centres/{id}/keys")] HttpRequest request, string id) =>
        api.HandleAsync(request, Roles.Admin, async (_, cancellationToken) =>
            await centres.RotateKeyAsync(id, cancellationToken) is { } rotated
                ? TypedResults.Json(CentreCreated.Of(rotated.Centre, rotated.ApiKey), ApiJsonContext.Web.CentreCreated, statusCode: StatusCodes.Status201Created)
                : CentreNotFound());

    private async Task<IResult> UpdateAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, ["application/merge-patch+json", "application/json"], options.Value.MaxBodyBytes, cancellationToken);
        var (patch, errors) = TolerantJson.Read(body, ApiJsonContext.Web.CentrePatch);
        var cleared = Nulls(body);
        foreach (var required in cleared.Intersect(CentrePatch.Irremovable))
        {
            errors.Add(required, "Cannot be removed; give a new value.");
        }

        if (patch is null || !errors.IsEmpty)
        {
            return Problems.Validation((errors.IsEmpty ? Error("$", "A JSON object is required.") : errors).ToDictionary());
        }

        if (await centres.GetAsync(id, cancellationToken) is not { } current)
        {
            return CentreNotFound();
        }

        var changes = new CentreChanges
        {
            Name = patch.Name?.Trim(),
            Region = patch.Region,
            WebhookUrl = patch.WebhookUrl,
            Language = patch.Language,
            Clear = cleared.Intersect(["region", "webhookUrl"]).ToHashSet(StringComparer.Ordinal),
        };
        errors.AddUncovered(validator.Validate(
            changes.Name ?? current.Name, current.Country,
            changes.Clear.Contains("region") ? null : changes.Region ?? current.Region,
            changes.Clear.Contains("webhookUrl") ? null : changes.WebhookUrl ?? current.WebhookUrl,
            changes.Language ?? current.Language));
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var (outcome, updated) = await centres.UpdateAsync(id, changes, cancellationToken);
        return outcome switch
        {
            CentreWriteOutcome.Done => TypedResults.Json(CentreView.Of(updated!), ApiJsonContext.Web.CentreView),
            CentreWriteOutcome.DuplicateName => DuplicateName(current.Country),
            _ => CentreNotFound(),
        };
    }

    /// <summary>The top-level properties the patch sets to null: in a merge patch, those to remove.</summary>
    private static HashSet<string> Nulls(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static ValidationErrors Error(string path, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(path, message);
        return errors;
    }

    private static IResult DuplicateName(string country) =>
        Problems.Conflict($"Another centre in {country} has this name; centres of one country must have different names.");

    private static IResult CentreNotFound() => Problems.NotFound("No centre has that id.");
}
