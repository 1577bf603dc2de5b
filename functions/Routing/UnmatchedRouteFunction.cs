using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Functions.Http;

namespace Reintegration.Functions.Routing;

/// <summary>
/// What no other function serves, answered as a problem document like every other error: 405 with
/// Allow when the path exists with other methods, else 404. A catch-all route has the lowest
/// precedence, so it is chosen only when no function's route and method match — under the
/// Functions host and in the standalone host alike.
/// </summary>
public sealed class UnmatchedRouteFunction(RouteTable routes)
{
    public const string Name = "UnmatchedRoute";

    [Function(Name)]
    public IResult Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "{*path}")] HttpRequest request,
        string? path) =>
        // A path of a route's shape whose method is allowed still failed that route's constraints: nothing there.
        routes.MethodsAt(path ?? "") is { Count: > 0 } allowed && !allowed.Contains(request.Method.ToUpperInvariant())
            ? Problems.MethodNotAllowed(request.Method, allowed)
            : Problems.NoSuchRoute(request.Method);
}
