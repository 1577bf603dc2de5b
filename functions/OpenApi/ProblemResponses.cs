using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Reintegration.Functions.OpenApi;

/// <summary>
/// The error answers, as components: each an RFC 9457 problem document (application/problem+json) of the
/// one ProblemDetails schema that <see cref="Http.Problems"/> writes.
/// </summary>
public static class ProblemResponses
{
    public const string MediaType = "application/problem+json";
    public const string SchemaName = "ProblemDetails";
    public const string PrimaryErrorMessage = "x-ms-primary-error-message";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is invalid: errors names every field (a JSON path, or a query parameter) with its messages.",
        [401] = "The x-api-key header is missing or holds no valid key.",
        [403] = "The key is valid but not for this call.",
        [404] = "No such resource, or it belongs to another centre.",
        [409] = "The request conflicts with the resource's state.",
        [412] = "The resource changed since the If-Match version was read.",
        [413] = "The body, or its number of items, is over the limit.",
        [415] = "The body is not of the media type this call reads.",
        [429] = "A limit on what one key may do was reached; send the request again after Retry-After seconds.",
        [500] = "Something failed on the server's side; it has been logged.",
        [503] = "Storage, or the opening index, is not available yet; send the request again after Retry-After seconds.",
    };

    /// <summary>The name of the response component for a status: its reason phrase without spaces, e.g. NotFound.</summary>
    public static string NameOf(int status) => ReasonPhrases.GetReasonPhrase(status).Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } name
        ? name
        : throw new ArgumentOutOfRangeException(nameof(status), status, "Not an HTTP status with a reason phrase.");

    /// <summary>Adds the ProblemDetails schema to the document, and the response component of this status when it has none yet; returns a reference to it.</summary>
    public static IOpenApiResponse Reference(OpenApiDocument document, int status)
    {
        var components = document.Components!;
        components.Schemas!.TryAdd(SchemaName, ProblemDetails());
        components.Responses ??= new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal);
        var name = NameOf(status);
        if (!components.Responses.ContainsKey(name))
        {
            components.Responses[name] = new OpenApiResponse
            {
                Description = Descriptions.GetValueOrDefault(status) ?? ReasonPhrases.GetReasonPhrase(status) + ".",
                Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaName, document) } },
                Headers = status is 503 or 429
                    ? new Dictionary<string, IOpenApiHeader>
                    {
                        ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before sending the request again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                    }
                    : null,
            };
        }

        return new OpenApiResponseReference(name, document);
    }

    private static OpenApiSchema ProblemDetails() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem document.",
        Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "detail" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            // Kiota makes this the message of the exception a generated client throws for the problem.
            ["detail"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
                {
                    [PrimaryErrorMessage] = new JsonNodeExtension(true),
                },
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's W3C trace id, to quote when reporting a problem." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For 400: each invalid field's path (e.g. home.lat, [3].citizenship, or $ for the whole body) and its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
