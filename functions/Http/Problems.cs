using Microsoft.AspNetCore.Http;

namespace Reintegration.Functions.Http;

/// <summary>
/// Every error the API returns is built here, as an RFC 9457 problem document: one place decides
/// the status, title, type and what a client may be told.
/// </summary>
public static class Problems
{
    public static IResult ServiceUnavailable(string detail, TimeSpan retryAfter) =>
        new RetryAfterResult(
            TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Service Unavailable",
                type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
                detail: detail),
            retryAfter);

    /// <summary>Adds a Retry-After header, in whole seconds, to another result.</summary>
    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
