using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Reintegration.Functions.Standalone;

namespace Reintegration.Functions.Routing;

/// <summary>The routes the HTTP functions serve and their methods, read from the functions' own attributes.</summary>
public sealed class RouteTable
{
    private readonly IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> _routes;

    public RouteTable(IEnumerable<HttpFunction> functions) =>
        _routes = [.. functions
            .Where(f => f.Name != UnmatchedRouteFunction.Name)
            .Select(f => (new TemplateMatcher(TemplateParser.Parse(f.Route), new RouteValueDictionary()),
                (IReadOnlyList<string>)[.. (f.Methods ?? []).Select(m => m.ToUpperInvariant())]))];

    /// <summary>The methods some function serves at <paramref name="path"/> (under the route prefix); none when no route has that shape.</summary>
    public IReadOnlyList<string> MethodsAt(string path)
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (matcher, routeMethods) in _routes)
        {
            if (matcher.TryMatch("/" + path.TrimStart('/'), new RouteValueDictionary()))
            {
                methods.UnionWith(routeMethods);
            }
        }

        return [.. methods];
    }
}
