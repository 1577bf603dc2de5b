using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Reintegration.Functions.Standalone;

namespace Reintegration.Functions.Routing;

/// <summary>The routes the HTTP functions serve and their methods, read from the functions' own attributes.</summary>
public sealed class RouteTable
{
    private readonly IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> _routes;
    private readonly Dictionary<string, string> _byName;

    public RouteTable(IEnumerable<HttpFunction> functions)
    {
        var served = functions.Where(f => f.Name != UnmatchedRouteFunction.Name).ToList();
        _routes = [.. served.Select(f => (new TemplateMatcher(TemplateParser.Parse(f.Route), new RouteValueDictionary()),
            (IReadOnlyList<string>)[.. (f.Methods ?? []).Select(m => m.ToUpperInvariant())]))];
        _byName = served.ToDictionary(f => f.Name, f => $"{string.Join(",", (f.Methods ?? []).Select(m => m.ToUpperInvariant()))} /api/{f.Route}", StringComparer.Ordinal);
    }

    /// <summary>The method and route template of a function, as the audit names them ("GET /api/profiles/{id}").</summary>
    public string RouteOf(string functionName) => _byName.GetValueOrDefault(functionName, functionName);

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
