using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Digests;
using Reintegration.Digests.Rendering;
using Reintegration.Domain;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Http;
using Reintegration.Storage.Digests;

namespace Reintegration.Functions.Digests;

/// <summary>
/// A centre's digests, in its language or the one asked for: as JSON, or as a printable page (HTML or
/// Markdown) at a route of its own; and running a week on demand (admin). The JSON routes also answer
/// HTML or Markdown when ?format= or Accept asks, as they did before the page routes existed.
/// </summary>
public sealed class DigestsFunctions(Api api, DigestStore digests, DigestRunner runner)
{
    [PersonalData("the digest entries of the centre's people")]
    [Function("GetDigest")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/{week}")] HttpRequest request, string week) =>
        WeekAsync(request, "GetDigest", week, FormatAsked(request));

    [PersonalData("the digest entries of the centre's people")]
    [Function("GetDigestHtml")]
    public Task<IResult> GetHtml(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/{week}/html")] HttpRequest request, string week) =>
        WeekAsync(request, "GetDigestHtml", week, "html");

    [PersonalData("the digest entries of the centre's people")]
    [Function("GetDigestMarkdown")]
    public Task<IResult> GetMarkdown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/{week}/markdown")] HttpRequest request, string week) =>
        WeekAsync(request, "GetDigestMarkdown", week, "md");

    [PersonalData("the digest entries of the centre's people")]
    [Function("GetLatestDigest")]
    public Task<IResult> Latest([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/latest")] HttpRequest request) =>
        LatestAsync(request, "GetLatestDigest", FormatAsked(request));

    [PersonalData("the digest entries of the centre's people")]
    [Function("GetLatestDigestHtml")]
    public Task<IResult> LatestHtml(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/latest/html")] HttpRequest request) =>
        LatestAsync(request, "GetLatestDigestHtml", "html");

    [PersonalData("the digest entries of the centre's people")]
    [Function("GetLatestDigestMarkdown")]
    public Task<IResult> LatestMarkdown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "digests/latest/markdown")] HttpRequest request) =>
        LatestAsync(request, "GetLatestDigestMarkdown", "md");

    [PersonalData("every centre's people, allocated and written into digests")]
    [Function("RunDigest")]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "digests/{week}/run")] HttpRequest request, string week) =>
        api.HandleLongAuditedAsync(request, Roles.Admin, "RunDigest", async (_, _, cancellationToken) =>
            IsoWeek.TryParse(week, out var isoWeek)
                ? TypedResults.Json(await runner.RunAsync(isoWeek, cancellationToken), ApiJsonContext.Web.DigestRunReport)
                : Problems.InvalidWeek());

    private Task<IResult> WeekAsync(HttpRequest request, string function, string week, string format) =>
        api.HandleAuditedAsync(request, Roles.Centre, function, async (caller, trail, cancellationToken) =>
        {
            if (!IsoWeek.TryParse(week, out var isoWeek))
            {
                return Problems.InvalidWeek();
            }

            return await digests.GetAsync(caller.Centre!.Id, isoWeek, cancellationToken) is { } digest
                ? Render(request, trail, caller.Centre, digest, format)
                : Problems.NotFound($"This centre has no digest for {isoWeek}.");
        });

    private Task<IResult> LatestAsync(HttpRequest request, string function, string format) =>
        api.HandleAuditedAsync(request, Roles.Centre, function, async (caller, trail, cancellationToken) =>
        {
            var weeks = await digests.WeeksAsync(caller.Centre!.Id, cancellationToken);
            return weeks.Count > 0 && await digests.GetAsync(caller.Centre.Id, weeks[0], cancellationToken) is { } digest
                ? Render(request, trail, caller.Centre, digest, format)
                : Problems.NotFound("This centre has no digest yet.");
        });

    private static IResult Render(HttpRequest request, AuditTrail trail, Centre centre, Digest digest, string format)
    {
        trail.Touched(digest.Entries.Select(e => e.ProfileId));
        var query = new QueryParameters(request);
        var language = query.Lang("lang") ?? query.Language(centre.Language);
        if (!query.Errors.IsEmpty)
        {
            return Problems.Validation(query.Errors);
        }

        return format switch
        {
            "html" => TypedResults.Content(DigestHtml.Render(digest, centre.Name, language), "text/html; charset=utf-8"),
            "md" => TypedResults.Content(DigestMarkdown.Render(digest, centre.Name, language), "text/markdown; charset=utf-8"),
            "json" => TypedResults.Json(DigestView.Of(digest, language), ApiJsonContext.Web.DigestView),
            _ => Problems.Invalid("format", "Must be json, html or md."),
        };
    }

    /// <summary>
    /// What the JSON routes answer: ?format= wins; otherwise the Accept header (text/html, text/markdown); otherwise JSON.
    /// </summary>
    private static string FormatAsked(HttpRequest request)
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
