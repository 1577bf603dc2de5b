using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Routing;
using Reintegration.Storage.Audit;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;

namespace Reintegration.Functions.Http;

/// <summary>
/// What every HTTP function does around its own work: authenticate, check the role, and turn every
/// failure into a problem document — 503 with Retry-After when storage is away or slower than the
/// request's storage budget, or while the opening index loads; 400/412/413/415 for what the client
/// sent; and 500 only for our own faults, logged without any personal data.
/// </summary>
public sealed partial class Api(
    Authenticator authenticator,
    RateLimits limits,
    AuditStore audit,
    RouteTable routes,
    IOptions<StorageResilienceOptions> resilience,
    TimeProvider time,
    ILogger<Api> logger)
{
    /// <summary>
    /// Runs a request's work within its storage budget (<see cref="StorageResilienceOptions.RequestBudget"/>):
    /// when storage has not answered by then, the work is cancelled and the caller gets 503 at once,
    /// rather than a wait as long as the pipeline's retries.
    /// </summary>
    public Task<IResult> HandleAsync(HttpRequest request, Roles roles, Func<Caller, CancellationToken, Task<IResult>> work) =>
        WithinAsync(request, roles, resilience.Value.RequestBudget, work);

    /// <summary>A long run the caller waits for (a week's digests): no budget but the pipeline's own timeouts.</summary>
    public Task<IResult> HandleLongAsync(HttpRequest request, Roles roles, Func<Caller, CancellationToken, Task<IResult>> work) =>
        WithinAsync(request, roles, Timeout.InfiniteTimeSpan, work);

    private Task<IResult> WithinAsync(HttpRequest request, Roles roles, TimeSpan budget, Func<Caller, CancellationToken, Task<IResult>> work) =>
        BudgetedAsync(request, budget, async cancellationToken =>
        {
            var (caller, refused) = await CallerAsync(request, roles, cancellationToken);
            return caller is null ? refused! : await work(caller, cancellationToken);
        });

    /// <summary>
    /// As <see cref="HandleAsync"/>, for a function that touches personal data: once its work is done
    /// (or has failed), and before anything of the answer is sent, the request's audit records are
    /// written: one per person the work touched, or one without a person. If they cannot be written the
    /// answer is a 503 instead: no access goes unrecorded, and no data leaves unrecorded.
    /// </summary>
    public Task<IResult> HandleAuditedAsync(
        HttpRequest request, Roles roles, string function, Func<Caller, AuditTrail, CancellationToken, Task<IResult>> work) =>
        AuditedWithinAsync(request, roles, function, resilience.Value.RequestBudget, work);

    /// <summary>As <see cref="HandleAuditedAsync"/>, for a long run the caller waits for: no budget but the pipeline's own timeouts.</summary>
    public Task<IResult> HandleLongAuditedAsync(
        HttpRequest request, Roles roles, string function, Func<Caller, AuditTrail, CancellationToken, Task<IResult>> work) =>
        AuditedWithinAsync(request, roles, function, Timeout.InfiniteTimeSpan, work);

    private Task<IResult> AuditedWithinAsync(
        HttpRequest request, Roles roles, string function, TimeSpan budget, Func<Caller, AuditTrail, CancellationToken, Task<IResult>> work) =>
        BudgetedAsync(request, budget, async cancellationToken =>
        {
            var (caller, refused) = await CallerAsync(request, roles, cancellationToken);
            if (caller is null)
            {
                return refused!;
            }

            var trail = new AuditTrail();
            var result = await AnswerAsync(request, budget, cancellationToken, token => work(caller, trail, token));
            var at = time.GetUtcNow();
            var outcome = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            var route = routes.RouteOf(function);
            string?[] people = trail.Profiles.Count == 0 ? [null] : [.. trail.Profiles];
            try
            {
                await audit.WriteAsync([.. people.Select(p => new AuditRecord(at, caller.PublisherId, function, route, p, outcome))], cancellationToken);
            }
            catch (StorageUnavailableException e)
            {
                LogAuditUnavailable(logger, function, e.InnerException?.GetType().Name ?? e.GetType().Name);
                return Problems.ServiceUnavailable("The access could not be recorded in the audit, so nothing was answered; the request can be sent again.", e.RetryAfter);
            }

            return result;
        });

    /// <summary>The caller, or the answer that refuses them (401, 403, 429).</summary>
    private async Task<(Caller? Caller, IResult? Refused)> CallerAsync(HttpRequest request, Roles roles, CancellationToken cancellationToken)
    {
        if (await authenticator.AuthenticateAsync(request, cancellationToken) is not { } caller)
        {
            return (null, Problems.Unauthorized());
        }

        if (caller.IsAdmin ? !roles.HasFlag(Roles.Admin) : !roles.HasFlag(Roles.Centre))
        {
            return (null, Problems.Forbidden(caller.IsAdmin ? "This call is for a centre's key, not the admin key." : "This call needs the admin key."));
        }

        if (limits.Take(caller.PublisherId) is { } wait)
        {
            return (null, Problems.TooManyRequests("This key has sent more requests this minute than the service takes from one key; send again later.", wait));
        }

        return (caller, null);
    }

    private async Task<IResult> BudgetedAsync(HttpRequest request, TimeSpan budget, Func<CancellationToken, Task<IResult>> work)
    {
        using var budgeted = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted);
        budgeted.CancelAfter(budget);
        return await AnswerAsync(request, budget, budgeted.Token, work);
    }

    /// <summary>The work's answer, or the problem its failure means.</summary>
    private async Task<IResult> AnswerAsync(
        HttpRequest request, TimeSpan budget, CancellationToken cancellationToken, Func<CancellationToken, Task<IResult>> work)
    {
        try
        {
            return await work(cancellationToken);
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
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit storage unavailable: {Function} answered 503 ({Kind})")]
    private static partial void LogAuditUnavailable(ILogger logger, string function, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in {Method} {Route}\n{StackTrace}")]
    private static partial void LogFailed(ILogger logger, string method, string route, string exceptionType, string stackTrace);
}
