using Microsoft.AspNetCore.Http;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;

namespace Reintegration.Functions.Http;

/// <summary>
/// What every HTTP function does around its own work: authenticate, check the role, and turn every
/// failure into a problem document — 503 with Retry-After when storage is away or slower than the
/// request's storage budget, or while the opening index loads; 400/412/413/415 for what the client
/// sent; and 500 only for our own faults, logged without any personal data.
/// </summary>
public sealed partial class Api(Authenticator authenticator, IOptions<StorageResilienceOptions> resilience, ILogger<Api> logger)
{
    /// <summary>
    /// Runs a request's work within its storage budget (<see cref="StorageResilienceOptions.RequestBudget"/>):
    /// when storage has not answered by then, the work is cancelled and the caller gets 503 at once,
    /// rather than a wait as long as the pipeline's retries.
    /// </summary>
    public Task<IResult> HandleAsync(HttpRequest request, Roles roles, Func<Caller, CancellationToken, Task<IResult>> work) =>
        HandleAsync(request, roles, resilience.Value.RequestBudget, work);

    /// <summary>A long run the caller waits for (a week's digests): no budget but the pipeline's own timeouts.</summary>
    public Task<IResult> HandleLongAsync(HttpRequest request, Roles roles, Func<Caller, CancellationToken, Task<IResult>> work) =>
        HandleAsync(request, roles, Timeout.InfiniteTimeSpan, work);

    private async Task<IResult> HandleAsync(
        HttpRequest request, Roles roles, TimeSpan budget, Func<Caller, CancellationToken, Task<IResult>> work)
    {
        var aborted = request.HttpContext.RequestAborted;
        using var budgeted = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        budgeted.CancelAfter(budget);
        var cancellationToken = budgeted.Token;
        try
        {
            if (await authenticator.AuthenticateAsync(request, cancellationToken) is not { } caller)
            {
                return Problems.Unauthorized();
            }

            if (caller.IsAdmin ? !roles.HasFlag(Roles.Admin) : !roles.HasFlag(Roles.Centre))
            {
                return Problems.Forbidden(caller.IsAdmin ? "This call is for a centre's key, not the admin key." : "This call needs the admin key.");
            }

            return await work(caller, cancellationToken);
        }
        catch (RequestBodyException e)
        {
            return e.Problem;
        }
        catch (ConcurrencyConflictException e)
        {
            return Problems.PreconditionFailed(e.Message);
        }
        catch (IndexLoadingException e)
        {
            return Problems.IndexLoading(e.Status, e.RetryAfter);
        }
        catch (StorageUnavailableException e)
        {
            LogStorageUnavailable(logger, RouteOf(request), e.InnerException?.GetType().Name ?? e.GetType().Name);
            return Problems.ServiceUnavailable("Storage is unavailable right now; the request can be sent again.", e.RetryAfter);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; nobody reads this answer.
            return TypedResults.Empty;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var spent = "budget of " + budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s spent";
            LogStorageUnavailable(logger, RouteOf(request), spent);
            return Problems.ServiceUnavailable(
                "Storage did not answer within this request's time budget; the request can be sent again.", resilience.Value.BreakDuration);
        }
        catch (Exception e)
        {
            // Type and stack only: messages can quote what was sent.
            LogFailed(logger, request.Method, RouteOf(request), e.GetType().FullName ?? "", e.StackTrace ?? "");
            return Problems.Internal();
        }
    }

    private static string RouteOf(HttpRequest request) =>
        request.HttpContext.GetEndpoint()?.DisplayName ?? "unknown route";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while serving {Route} ({Kind})")]
    private static partial void LogStorageUnavailable(ILogger logger, string route, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in {Method} {Route}\n{StackTrace}")]
    private static partial void LogFailed(ILogger logger, string method, string route, string exceptionType, string stackTrace);
}
