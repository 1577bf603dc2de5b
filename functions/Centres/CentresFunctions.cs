using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Domain;
using Reintegration.Functions.Digests;
using Reintegration.Functions.Http;
using Reintegration.Storage.Centres;
using Reintegration.Validation;

namespace Reintegration.Functions.Centres;

/// <summary>Centres: registered, listed and changed by the admin, who also issues new keys; a centre reads and changes itself.</summary>
public sealed class CentresFunctions(
    Api api, CentreStore centres, PageTokens tokens, CentreValidator validator, WebhookConnector webhooks,
    IOptions<ApiOptions> options, IOptions<CentreOptions> centreOptions)
{
    [Function("CreateCentre")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "centres")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Admin, async (_, cancellationToken) =>
        {
            var (read, errors) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Web.CentreRequest, options.Value.MaxBodyBytes, cancellationToken);
            var body = read ?? new CentreRequest();
            errors.AddUncovered(body.Validate(validator));
            await CheckResolvedAsync(errors, body.WebhookUrl, cancellationToken);
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
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
            const string Scope = "centres|admin";
            var token = await tokens.ReadAsync(query, Scope, cancellationToken);
            if (!query.Errors.IsEmpty)
            {
                return Problems.Validation(query.Errors);
            }

            var page = await centres.ListAsync(pageSize, token, cancellationToken);
            var next = await tokens.SealAsync(page.ContinuationToken, Scope, cancellationToken);
            return TypedResults.Json(new CentrePage([.. page.Items.Select(View)], next), ApiJsonContext.Web.CentrePage);
        });

    [Function("GetMyCentre")]
    public Task<IResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "centres/me")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Centre, (caller, _) =>
            Task.FromResult<IResult>(TypedResults.Json(View(caller.Centre!), ApiJsonContext.Web.CentreView)));

    [Function("UpdateMyCentre")]
    public Task<IResult> UpdateMe([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "centres/me")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Centre, (caller, cancellationToken) => UpdateAsync(request, caller.Centre!.Id, byAdmin: false, cancellationToken));

    [Function("UpdateCentre")]
    public Task<IResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "centres/{id}")] HttpRequest request, string id) =>
        api.HandleAsync(request, Roles.Admin, (_, cancellationToken) => UpdateAsync(request, id, byAdmin: true, cancellationToken));

    [Function("RotateCentreKey")]
    public Task<IResult> RotateKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "centres/{id}/keys")] HttpRequest request, string id) =>
        api.HandleAsync(request, Roles.Admin, async (_, cancellationToken) =>
            await centres.RotateKeyAsync(id, cancellationToken) is { } rotated
                ? TypedResults.Json(CentreCreated.Of(rotated.Centre, rotated.ApiKey), ApiJsonContext.Web.CentreCreated, statusCode: StatusCodes.Status201Created)
                : CentreNotFound());

    private async Task<IResult> UpdateAsync(HttpRequest request, string id, bool byAdmin, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, ["application/merge-patch+json", "application/json"], options.Value.MaxBodyBytes, cancellationToken);
        var (patch, errors) = TolerantJson.Read(body, ApiJsonContext.Web.CentrePatch);
        var cleared = Nulls(body);
        foreach (var required in cleared.Intersect(CentrePatch.Irremovable))
        {
            errors.Add(required, "Cannot be removed; give a new value.");
        }

        if (!byAdmin && (patch?.ProfileQuota is not null || cleared.Contains("profileQuota")))
        {
            errors.Add("profileQuota", "Only the admin sets a centre's profile quota.");
        }
        else if (patch?.ProfileQuota is < 0 or > MaxProfileQuota)
        {
            errors.Add("profileQuota", $"Must be a whole number from 0 to {MaxProfileQuota}.");
        }

        if (patch is null || !errors.IsEmpty)
        {
            return Problems.Validation(errors.IsEmpty ? Error("$", "A JSON object is required.") : errors);
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
            ProfileQuota = patch.ProfileQuota,
            Clear = cleared.Intersect(["region", "webhookUrl", "profileQuota"]).ToHashSet(StringComparer.Ordinal),
        };
        errors.AddUncovered(validator.Validate(
            changes.Name ?? current.Name, current.Country,
            changes.Clear.Contains("region") ? null : changes.Region ?? current.Region,
            changes.Clear.Contains("webhookUrl") ? null : changes.WebhookUrl ?? current.WebhookUrl,
            changes.Language ?? current.Language));
        await CheckResolvedAsync(errors, changes.WebhookUrl, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var (outcome, updated) = await centres.UpdateAsync(id, changes, cancellationToken);
        return outcome switch
        {
            CentreWriteOutcome.Done => TypedResults.Json(View(updated!), ApiJsonContext.Web.CentreView),
            CentreWriteOutcome.DuplicateName => DuplicateName(current.Country),
            _ => CentreNotFound(),
        };
    }

    /// <summary>A well-formed webhook whose name now resolves to an address the service may not send to is refused too.</summary>
    private async Task CheckResolvedAsync(ValidationErrors errors, string? webhookUrl, CancellationToken cancellationToken)
    {
        if (webhookUrl is not null && !errors.Has("webhookUrl") && await webhooks.ResolvedProblemAsync(webhookUrl, cancellationToken) is { } problem)
        {
            errors.Add("webhookUrl", problem);
        }
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

    private const int MaxProfileQuota = 1_000_000;

    private CentreView View(Centre centre) => CentreView.Of(centre, centreOptions.Value.DefaultProfileQuota);

    private static IResult CentreNotFound() => Problems.NotFound("No centre has that id.");
}
