using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.OpenApi;
using Reintegration.Functions.OpenApi;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>Checks an answer's status against the OpenAPI document: every status a route answers must be listed for it.</summary>
public static class DocumentedStatuses
{
    private static readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IOpenApiPathItem Item)>> Paths = new(() =>
    [
        .. OpenApiDocument.Parse(ApiDocument.Json, OpenApiConstants.Json).Document!.Paths
            .Select(p => (new TemplateMatcher(TemplateParser.Parse(p.Key.TrimStart('/')), new RouteValueDictionary()), p.Value)),
    ]);

    /// <summary>
    /// Fails unless <paramref name="status"/> is documented for the operation that serves <paramref name="method"/> at
    /// <paramref name="url"/>; where no operation does, only 404 and 405 (the catch-all's answers) may come.
    /// </summary>
    public static void AssertDocumented(string method, string url, int status)
    {
        var path = url.Split('?')[0];
        var operation = Paths.Value
            .Where(p => p.Matcher.TryMatch(path, new RouteValueDictionary()))
            .Select(p => p.Item.Operations?.GetValueOrDefault(HttpMethod.Parse(method)))
            .FirstOrDefault(o => o is not null);
        if (operation is null)
        {
            Assert.True(status is 404 or 405, $"{method} {path} is no operation, and answered {status}");
            return;
        }

        Assert.True(operation.Responses!.ContainsKey(status.ToString(CultureInfo.InvariantCulture)),
            $"{method} {path} ({operation.OperationId}) answered {status}, which its OpenAPI operation does not list");
    }
}
