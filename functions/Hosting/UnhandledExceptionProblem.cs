using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Reintegration.Functions.Http;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// The last line of error handling, the same in both modes: an exception no function handled is logged
/// by type and stack only (a message can quote what was sent) and answered with the 500 problem document.
/// Standalone, ASP.NET Core's exception handler calls it; under the Functions host, it is worker middleware.
/// </summary>
public sealed partial class UnhandledExceptionProblem(ILogger<UnhandledExceptionProblem> logger)
    : IExceptionHandler, IFunctionsWorkerMiddleware
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        Log(httpContext.GetEndpoint()?.DisplayName ?? "unknown route", exception);
        await Problems.Internal().ExecuteAsync(httpContext);
        return true;
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is not null)
        {
            Log(context.FunctionDefinition.Name, e);
            // The ASP.NET Core integration executes the invocation's result as the HTTP answer.
            context.GetInvocationResult().Value = Problems.Internal();
        }
    }

    private void Log(string function, Exception exception) =>
        LogUnhandled(logger, exception.GetType().FullName ?? "", function, exception.StackTrace ?? "");

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in {Function}\n{StackTrace}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string function, string stackTrace);
}
