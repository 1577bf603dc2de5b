using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Reintegration.HostEmulator.Emulator;

/// <summary>
/// The host's side of HTTP routing: every HTTP-triggered function's route under host.json's prefix, its
/// methods a constraint of the route (a path that matches with the wrong method matches no function, and
/// the next route is tried), routes tried from the most specific (literal segments before parameters,
/// catch-alls last), as the host's route table orders them.
/// </summary>
public sealed class HostRoutes
{
    private readonly IReadOnlyList<Route> _routes;

    public HostRoutes(AppDirectory app)
    {
        _routes = app.Functions.Where(f => f.IsHttp).Select(f =>
            {
                var template = TemplateParser.Parse($"{app.RoutePrefix}/{f.Trigger.Property("route") ?? f.Name}".TrimStart('/'));
                var matcher = new TemplateMatcher(template, new RouteValueDictionary());
                return new Route(f, template, matcher, RoutePrecedence.ComputeInbound(template));
            })
            .OrderBy(r => r.Precedence)
            .ThenBy(r => r.Template.TemplateText, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The function a request goes to, with its route values; null when none matches (the host answers 404).</summary>
    public (FunctionEntry Function, RouteValueDictionary Values)? Match(string method, PathString path)
    {
        foreach (var route in _routes)
        {
            var methods = route.Function.Trigger.Methods;
            if (methods.Count > 0 && !methods.Contains(method, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var values = new RouteValueDictionary();
            if (route.Matcher.TryMatch(path, values))
            {
                return (route.Function, values);
            }
        }

        return null;
    }

    private sealed record Route(FunctionEntry Function, RouteTemplate Template, TemplateMatcher Matcher, decimal Precedence);
}
