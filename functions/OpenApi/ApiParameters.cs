using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Reintegration.Digests;
using Reintegration.Localisation;
using Reintegration.Matching;

namespace Reintegration.Functions.OpenApi;

/// <summary>Parameters and headers that several operations share, as the functions read and write them.</summary>
public static class ApiParameters
{
    /// <summary>Path parameters that say more than their C# type, by name: every route with that parameter gets it.</summary>
    public static readonly IReadOnlyDictionary<string, (string Description, OpenApiSchema Schema, JsonNode Example)> Path =
        new Dictionary<string, (string, OpenApiSchema, JsonNode)>(StringComparer.Ordinal)
        {
            ["week"] = ("An ISO 8601 week, yyyy-Www.", Pattern(IsoWeek.Pattern), JsonValue.Create("2026-W48")),
        };

    public static readonly ApiParameter PageSize = ApiParameter.Query("pageSize", "How many items a page holds.", Integer(1, 1000, 100));

    public static readonly ApiParameter ContinuationToken = ApiParameter.Query(
        "continuationToken", "The previous page's continuationToken, for the page after it.", new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2048 });

    public static readonly ApiParameter Country = ApiParameter.Query("country", "Only openings in this state of the region (ISO 3166-1 alpha-2).", Pattern("^[A-Z]{2}$"));

    public static readonly ApiParameter Isco = ApiParameter.Query("isco", "Only openings of this ISCO-08 unit group.", Pattern("^[0-9]{4}$"));

    public static readonly ApiParameter Top = ApiParameter.Query("top", "How many matches to return, best first.", Integer(1, MatchQuery.MaxTop, 10));

    public static readonly ApiParameter Explain = ApiParameter.Query(
        "explain", "Whether to give reasons with each match.", new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(true) });

    public static readonly ApiParameter AcceptLanguage = ApiParameter.Header(
        "Accept-Language",
        $"The language of the reasons, {Words.CodesInProse}; without it, the centre's language.",
        new OpenApiSchema { Type = JsonSchemaType.String });

    public static readonly ApiParameter IfMatch = ApiParameter.Header(
        "If-Match", "The ETag the profile had when read; when it has changed since, the answer is 412.", new OpenApiSchema { Type = JsonSchemaType.String });

    public static readonly ApiHeader ETag = new(
        "ETag",
        "The profile's version: send it back in If-Match to replace it only if nobody changed it since.",
        new OpenApiSchema { Type = JsonSchemaType.String });

    public static OpenApiSchema Integer(int minimum, int maximum, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
    };

    public static OpenApiSchema Pattern(string pattern) => new() { Type = JsonSchemaType.String, Pattern = pattern };
}
