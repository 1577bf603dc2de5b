using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Reintegration.Functions.Http;

/// <summary>
/// Every error the API returns is built here, as an RFC 9457 problem document
/// (application/problem+json with type, title, status and detail; validation problems add
/// "errors": field path → messages). One place decides the status and what a client is told.
/// </summary>
public static class Problems
{
    private const string Rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-";

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string detail = "The request has invalid fields; every one is listed in errors.") =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail, type: Rfc9110 + "15.5.1", title: "One or more fields are invalid");

    /// <summary>A bad request about one field (or "$" for the whole body).</summary>
    public static IResult Invalid(string path, string message) =>
        Validation(new Dictionary<string, string[]> { [path] = [message] }, message);

    public static IResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "15.5.2", "Unauthorized", "Send a valid API key in the x-api-key header.");

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "15.5.4", "Forbidden", detail);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "15.5.5", "Not Found", detail);

    /// <summary>Also the answer for another centre's profile: it must look as if it did not exist.</summary>
    public static IResult ProfileNotFound() => NotFound("No profile of this centre has that id.");

    public static IResult OpeningNotFound() => NotFound("No opening has that id.");

    public static IResult InvalidWeek() => Invalid("week", "Must be an ISO week that exists, written like 2026-W48.");

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "15.5.10", "Conflict", detail);

    public static IResult PreconditionFailed(string detail) => Problem(StatusCodes.Status412PreconditionFailed, "15.5.13", "Precondition Failed", detail);

    public static IResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "15.5.14", "Content Too Large", detail);

    public static IResult UnsupportedMediaType(string expected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "15.5.16", "Unsupported Media Type", $"Send the body as {expected}.");

    public static IResult ServiceUnavailable(string detail, TimeSpan retryAfter) =>
        new RetryAfterResult(Problem(StatusCodes.Status503ServiceUnavailable, "15.6.4", "Service Unavailable", detail), retryAfter);

    public static IResult Internal() =>
        Problem(StatusCodes.Status500InternalServerError, "15.6.1", "Internal Server Error", "Something failed on our side; it has been logged. Please try again later.");

    private static IResult Problem(int status, string section, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, type: Rfc9110 + section, detail: detail);

    /// <summary>Adds a Retry-After header, in whole seconds, to another result.</summary>
    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
