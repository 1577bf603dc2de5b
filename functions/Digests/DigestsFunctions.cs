using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Digests;
using Reintegration.Digests.Rendering;
using Reintegration.Domain;
using Reintegration.Functions.Http;
using Reintegration.Storage.Digests;

namespace Reintegration.Functions.Digests;

/// <summary>A centre's digests, as JSON, HTML or Markdown, in its language or the one asked for; and running a week on demand (admin).</summary>
public sealed class DigestsFunctions(Api api, DigestStore digests, DigestRunner runner)
{
    [Function("GetDigest")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/{week}")] HttpRequest request, string week) =>
        api.HandleAsync(request, Roles.Centre, async (caller, cancellationToken) =>
        {
            if (!IsoWeek.TryParse(week, out var isoWeek))
            {
                return Problems.InvalidWeek();
            }

            return await digests.GetAsync(caller.Centre!.Id, isoWeek, cancellationToken) is { } digest
                ? Render(request, caller.Centre, digest)
                : Problems.NotFound($"This centre has no digest for {isoWeek}.");
        });

    [Function("GetLatestDigest")]
    public Task<IResult> Latest([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/latest")] HttpRequest request) =>
        api.HandleAsync(request, Roles.Centre, async (caller, cancellationToken) =>
        {
            var weeks = await digests.WeeksAsync(caller.Centre!.Id, cancellationToken);
            return weeks.Count > 0 && await digests.GetAsync(caller.Centre.Id, weeks[0], cancellationToken) is { } digest
                ? Render(request, caller.Centre, digest)
                : Problems.NotFound("This centre has no digest yet.");
        });

    [Function("RunDigest")]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "digests/{week}/run")] HttpRequest request, string week) =>
        api.HandleLongAsync(request, Roles.Admin, async (_, cancellationToken) =>
            IsoWeek.TryParse(week, out var isoWeek)
                ? TypedResults.Json(await runner.RunAsync(isoWeek, cancellationToken), ApiJsonContext.Web.DigestRunReport)
                : Problems.InvalidWeek());

    private static IResult Render(HttpRequest request, Centre centre, Digest digest)
    {
        var query = new QueryParameters(request);
        var language = query.Lang("lang") ?? query.Language(centre.Language);
        if (!query.Errors.IsEmpty)
        {
            return Problems.Validation(query.Errors);
        }

        return Format(request) switch
        {
            "html" => TypedResults.Content(DigestHtml.Render(digest, centre.Name, language), "text/html; charset=utf-8"),
            "md" => TypedResults.Content(DigestMarkdown.Render(digest, centre.Name, language), "text/markdown; charset=utf-8"),
            "json" => TypedResults.Json(DigestView.Of(digest, language), ApiJsonContext.Web.DigestView),
            _ => Problems.Invalid("format", "Must be json, html or md."),
        };
    }

    /// <summary>?format= wins; otherwise the Accept header (text/html, text/markdown); otherwise JSON.</summary>
    private static string Format(HttpRequest request)
    {
        var format = request.Query["format"].ToString().ToLowerInvariant();
        if (format.Length > 0)
        {
            return format is "markdown" ? "md" : format;
        }

        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) ? "html"
            : accept.Contains("text/markdown", StringComparison.OrdinalIgnoreCase) ? "md"
            : "json";
    }
}
