using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Functions.Http;
using Reintegration.Storage.Centres;
using Reintegration.Validation;

namespace Reintegration.Functions.Centres;

/// <summary>Registering centres (admin) and a centre reading itself.</summary>
public sealed class CentresFunctions(Api api, CentreStore centres, CentreValidator validator, IOptions<ApiOptions> options)
{
    [Function("CreateCentre")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "centres")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Admin, async (_, cancellationToken) =>
        {
            var (read, errors) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Web.CentreRequest, options.Value.MaxBodyBytes, cancellationToken);
            var body = read ?? new CentreRequest();
            errors.AddUncovered(validator.Validate(body.Name, body.Country, body.Region, body.WebhookUrl, body.Language));
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors.ToDictionary());
            }

            var (centre, apiKey) = await centres.CreateAsync(body.Name.Trim(), body.Country, body.Region, body.WebhookUrl, body.Language, cancellationToken);
            var created = new CentreCreated(centre.Id, centre.Name, centre.Country, centre.Region, centre.WebhookUrl, centre.Language, centre.CreatedAt, apiKey);
            return TypedResults.Json(created, ApiJsonContext.Web.CentreCreated, statusCode: StatusCodes.Status201Created);
        });

    [Function("GetMyCentre")]
    public Task<IResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "centres/me")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Centre, (caller, _) =>
            Task.FromResult<IResult>(TypedResults.Json(CentreView.Of(caller.Centre!), ApiJsonContext.Web.CentreView)));
}
