using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Functions.Http;

/// <summary>
/// What every HTTP function does around its own work: authenticate, check the role, and turn every
/// failure into a problem document — 503 with Retry-After when storage is away, 400/412/413/415 for
/// what the client sent, and 500 only for our own faults, logged without any personal data.
/// </summary>
public sealed partial class Api(Authenticator authenticator, ILogger<Api> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, Roles roles, Func<Caller, CancellationToken, Task<IResult>> work)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
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
        catch (StorageUnavailableException e)
        {
            LogStorageUnavailable(logger, RouteOf(request), e.InnerException?.GetType().Name ?? e.GetType().Name);
            return Problems.ServiceUnavailable("Storage is unavailable right now; the request can be sent again.", e.RetryAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; nobody reads this answer.
            return TypedResults.Empty;
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
