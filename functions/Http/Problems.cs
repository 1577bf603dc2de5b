using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reintegration.Storage.Openings;
using Reintegration.Validation;

namespace Reintegration.Functions.Http;

/// <summary>
/// Every error the API returns is built here, as an RFC 9457 problem document
/// (application/problem+json with type, title, status and detail; validation problems add
/// "errors": field path → messages). One place decides the status and what a client is told.
/// </summary>
public static class Problems
{
    /// <summary>The base of every problem's type: the section of RFC 9110 that defines its status.</summary>
    public const string Rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-";

    // RFC 9110 numbers its status sections in order: 15.5.1 is 400, 15.5.5 is 404, 15.6.1 is 500.
    private static readonly int[] ClientErrors = [400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 426];
    private static readonly int[] ServerErrors = [500, 501, 502, 503, 504, 505];

    /// <summary>The type of every problem with this status: the section of RFC 9110 that defines it (for 429, RFC 6585's).</summary>
    public static string TypeOf(int status) =>
        status == StatusCodes.Status429TooManyRequests ? "https://www.rfc-editor.org/rfc/rfc6585#section-4"
        : Array.IndexOf(ClientErrors, status) is >= 0 and var client ? $"{Rfc9110}15.5.{client + 1}"
        : Array.IndexOf(ServerErrors, status) is >= 0 and var server ? $"{Rfc9110}15.6.{server + 1}"
        : Rfc9110 + (status < 500 ? "15.5" : "15.6");

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string detail = "The request has invalid fields; every one is listed in errors.") =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail, type: TypeOf(StatusCodes.Status400BadRequest), title: "One or more fields are invalid");

    /// <summary>Every error found, or, past <see cref="ValidationErrors.MaxPaths"/>, the first ones and how many more there were.</summary>
    public static IResult Validation(ValidationErrors errors) =>
        Validation(errors.ToDictionary(), errors.Omitted == 0
            ? "The request has invalid fields; every one is listed in errors."
            : $"The request has invalid fields; the first {errors.Count} are listed in errors, and {errors.Omitted} more errors were found.");

    /// <summary>A bad request about one field (or "$" for the whole body).</summary>
    public static IResult Invalid(string path, string message) =>
        Validation(new Dictionary<string, string[]> { [path] = [message] }, message);

    public static IResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Send a valid API key in the x-api-key header.");

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not Found", detail);

    /// <summary>Also the answer for another centre's profile: it must look as if it did not exist.</summary>
    public static IResult ProfileNotFound() => NotFound("No profile of this centre has that id.");

    public static IResult OpeningNotFound() => NotFound("No opening has that id.");

    public static IResult InvalidWeek() => Invalid("week", "Must be an ISO week that exists, written like 2026-W48.");

    /// <summary>No function serves this path (with any method).</summary>
    public static IResult NoSuchRoute(string method) =>
        Problem(StatusCodes.Status404NotFound, "Not Found",
            $"No route answers {Shown(method)} here. Every route is listed in the OpenAPI document, /api/openapi.json.");

    /// <summary>The path exists, but not with this method: the Allow header lists those it has.</summary>
    public static IResult MethodNotAllowed(string method, IReadOnlyList<string> allowed) =>
        new HeaderResult(Problem(StatusCodes.Status405MethodNotAllowed, "Method Not Allowed",
            $"{Shown(method)} is not allowed here; this route answers {string.Join(", ", allowed)}."), "Allow", string.Join(", ", allowed));

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult PreconditionFailed(string detail) => Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed", detail);

    public static IResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "Content Too Large", detail);

    public static IResult UnsupportedMediaType(string expected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", $"Send the body as {expected}.");

    public static IResult TooManyRequests(string detail, TimeSpan retryAfter) =>
        new HeaderResult(Problem(StatusCodes.Status429TooManyRequests, "Too Many Requests", detail), "Retry-After", Seconds(retryAfter));

    public static IResult ServiceUnavailable(string detail, TimeSpan retryAfter) =>
        new HeaderResult(Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", detail), "Retry-After", Seconds(retryAfter));

    /// <summary>
    /// The opening index of this instance is still loading: 503 at once, saying so (not blaming storage),
    /// with how far the load has got as <c>index</c> and <c>progress</c>, and when to ask again.
    /// </summary>
    public static IResult IndexLoading(IndexLoading loading, TimeSpan retryAfter, string detail =
        "The opening index of this instance is still loading; matches are served once it is loaded. The request can be sent again.") =>
        new HeaderResult(TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Service Unavailable",
            type: TypeOf(StatusCodes.Status503ServiceUnavailable),
            detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["index"] = "loading",
                ["progress"] = new IndexProgress(loading.Source, loading.Loaded, loading.Total),
            }), "Retry-After", Seconds(retryAfter));

    public static IResult Internal() =>
        Problem(StatusCodes.Status500InternalServerError, "Internal Server Error", "Something failed on our side; it has been logged. Please try again later.");

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, type: TypeOf(status), detail: detail);

    /// <summary>A delay as Retry-After writes it: whole seconds, at least one.</summary>
    private static string Seconds(TimeSpan delay) => Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A method as sent, cut short: it is the client's text.</summary>
    private static string Shown(string method) => method.Length <= 20 ? method : method[..20] + "…";

    /// <summary>How far the index has loaded: from where, how many openings so far, and of how many (when known).</summary>
    public sealed record IndexProgress(string Source, int Loaded, int? Total);

    /// <summary>Adds a header to another result.</summary>
    private sealed class HeaderResult(IResult inner, string name, string value) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
