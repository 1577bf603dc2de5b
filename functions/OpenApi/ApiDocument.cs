using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Reintegration.Functions.Http;
using Reintegration.Functions.Routing;
using Reintegration.Functions.Standalone;

namespace Reintegration.Functions.OpenApi;

/// <summary>
/// The OpenAPI document of the app's HTTP functions: paths, methods and path parameters from their
/// attributes (<see cref="FunctionCatalog"/>), the rest from <see cref="ApiOperations"/>, schemas from
/// the JSON contracts (<see cref="JsonSchemas"/>). Built once, on first use.
/// </summary>
public static partial class ApiDocument
{
    public const OpenApiSpecVersion Version = OpenApiSpecVersion.OpenApi3_1;
    public const string SecurityScheme = "apiKey";

    private static readonly Lazy<string> Serialized = new(() => Serialize(Build(
        FunctionCatalog.Discover([typeof(ApiDocument).Assembly]).Http,
        ApiOperations.ByFunction,
        StandaloneHost.RoutePrefix(Path.Combine(AppContext.BaseDirectory, "host.json")))));

    /// <summary>The app's document as JSON.</summary>
    public static string Json => Serialized.Value;

    public static OpenApiDocument Build(IReadOnlyList<HttpFunction> functions, IReadOnlyDictionary<string, ApiOperation> operations, string routePrefix)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Reintegration API",
                Version = typeof(ApiDocument).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                Description = "Matches returning migrants under re-entry bans, and refugees, with openings they can legally take. "
                    + "JSON is camelCase; every error is an RFC 9457 problem document.",
            },
            Servers =
            [
                new OpenApiServer { Url = "http://127.0.0.1:7071", Description = "The app on this machine (scripts/run.sh)." },
                new OpenApiServer
                {
                    Url = "https://{app}.azurewebsites.net",
                    Description = "The app in Azure Functions.",
                    Variables = new Dictionary<string, OpenApiServerVariable>(StringComparer.Ordinal)
                    {
                        ["app"] = new() { Default = "reintegration", Description = "The function app's name." },
                    },
                },
            ],
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents
            {
                Schemas = new SortedDictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
                {
                    [SecurityScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = Authenticator.Header,
                        Description = "The admin key (configuration Reintegration:AdminKey), or a centre's key, issued when the centre is registered.",
                    },
                },
            },
        };
        var schemas = new JsonSchemas(document, ApiOperations.Contracts, ApiOperations.Inputs);
        // The catch-all that answers unknown routes with a problem is not an operation of the API.
        foreach (var function in functions.Where(f => f.Name != UnmatchedRouteFunction.Name).OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            var path = PathOf(routePrefix, function.Route);
            var item = (OpenApiPathItem)(document.Paths.TryGetValue(path, out var existing) ? existing : document.Paths[path] = new OpenApiPathItem { Operations = new() });
            var methods = function.Methods is { Count: > 0 } declared
                ? declared
                : throw new InvalidOperationException($"Function '{function.Name}' declares no HTTP methods; an operation needs them.");
            var operation = operations.GetValueOrDefault(function.Name) ?? new ApiOperation(function.Name, Roles.Any);
            foreach (var method in methods)
            {
                item.Operations![HttpMethod.Parse(method)] = Operation(document, schemas, function, operation, methods.Count == 1 ? function.Name : function.Name + method.ToUpperInvariant());
            }
        }

        document.Tags = new HashSet<OpenApiTag>(functions.Where(f => f.Name != UnmatchedRouteFunction.Name).Select(TagOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name, Description = ApiOperations.TagDescriptions.GetValueOrDefault(name) }));
        document.RegisterComponents();
        return document;
    }

    public static string Serialize(OpenApiDocument document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAs(Version, new OpenApiJsonWriter(text));
        return text.ToString();
    }

    /// <summary>"profiles/{id:guid}/matches" under "api" → "/api/profiles/{id}/matches".</summary>
    public static string PathOf(string routePrefix, string route) =>
        "/" + string.Join('/', new[] { routePrefix.Trim('/'), RouteParameter().Replace(route.Trim('/'), "{$1}") }.Where(p => p.Length > 0));

    /// <summary>The names of a route template's parameters, in order.</summary>
    public static IReadOnlyList<string> PathParameters(string route) => [.. RouteParameter().Matches(route).Select(m => m.Groups[1].Value)];

    private static OpenApiOperation Operation(OpenApiDocument document, JsonSchemas schemas, HttpFunction function, ApiOperation operation, string operationId)
    {
        var result = new OpenApiOperation
        {
            OperationId = operationId,
            Summary = operation.Summary,
            Description = operation.Roles switch
            {
                null => "No key needed.",
                Roles.Admin => "Needs the admin key.",
                Roles.Centre => "Needs a centre's key; only that centre's data is visible.",
                _ => "Needs the admin key or a centre's key.",
            },
            Tags = new HashSet<OpenApiTagReference> { new(TagOf(function), document) },
            Parameters =
            [
                .. PathParameters(function.Route).Select(name => PathParameter(schemas, function.Method, name)),
                .. operation.Parameters.Select(p => Parameter(schemas, p)),
            ],
            RequestBody = operation.Request is { } request ? new OpenApiRequestBody { Required = true, Description = request.Description, Content = Content(schemas, request) } : null,
            Responses = new OpenApiResponses
            {
                [operation.Status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
                {
                    Description = operation.Response?.Description ?? Phrase(operation.Status),
                    Content = operation.Response is { } response ? Content(schemas, response) : null,
                    Headers = operation.ResponseHeaders.Count == 0 ? null : operation.ResponseHeaders.ToDictionary(
                        h => h.Name,
                        IOpenApiHeader (h) => new OpenApiHeader { Description = h.Description, Schema = h.Schema },
                        StringComparer.Ordinal),
                },
            },
        };
        foreach (var (status, description) in operation.AlsoAnswers)
        {
            result.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse { Description = description };
        }

        foreach (var status in ErrorsOf(operation).Order())
        {
            result.Responses[status.ToString(CultureInfo.InvariantCulture)] = ProblemResponses.Reference(document, status);
        }

        // An empty list says "no key needed" explicitly, overriding any default a client generator may assume.
        result.Security = operation.Roles is null ? [] : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] }];

        return result;
    }

    /// <summary>The entry's errors, and those every operation of its kind can answer with.</summary>
    public static ISet<int> ErrorsOf(ApiOperation operation)
    {
        var errors = new HashSet<int>(operation.Errors) { StatusCodes.Status500InternalServerError };
        if (operation.Request is not null)
        {
            errors.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        if (operation.Parameters.Any(p => p.In == ParameterLocation.Query))
        {
            errors.Add(StatusCodes.Status400BadRequest);
        }

        if (operation.Roles is { } roles)
        {
            errors.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable]);
            if (roles != Roles.Any)
            {
                errors.Add(StatusCodes.Status403Forbidden);
            }
        }

        return errors;
    }

    /// <summary>The function's feature folder: the last part of its class's namespace.</summary>
    private static string TagOf(HttpFunction function) => function.Method.DeclaringType!.Namespace!.Split('.')[^1];

    private static Dictionary<string, OpenApiMediaType> Content(JsonSchemas schemas, ApiBody body) =>
        body.Content.ToDictionary(c => c.MediaType, c => new OpenApiMediaType { Schema = schemas.For(c.Schema) }, StringComparer.Ordinal);

    private static OpenApiParameter PathParameter(JsonSchemas schemas, MethodInfo method, string name) =>
        ApiParameters.Path.TryGetValue(name, out var described)
            ? new()
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Description = described.Description,
                Schema = described.Schema,
                Example = described.Example,
            }
            : new()
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = method.GetParameters().FirstOrDefault(p => p.Name == name) is { } parameter
                    ? schemas.For(parameter.ParameterType)
                    : new OpenApiSchema { Type = JsonSchemaType.String },
            };

    private static OpenApiParameter Parameter(JsonSchemas schemas, ApiParameter parameter) => new()
    {
        Name = parameter.Name,
        In = parameter.In,
        Required = parameter.Required,
        Description = parameter.Description,
        Schema = schemas.For(parameter.Schema),
    };

    private static string Phrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) + ".";

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
