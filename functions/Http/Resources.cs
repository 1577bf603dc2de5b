using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Profiles;

namespace Reintegration.Functions.Http;

/// <summary>Stored documents as the API shows them: the document a client sent, with its id and bookkeeping first.</summary>
public static class Resources
{
    public static JsonObject Profile(StoredProfile stored)
    {
        var document = JsonSerializer.SerializeToNode(stored.Profile, ReintegrationJsonContext.Default.Profile)!.AsObject();
        return Prepend(document, ("id", stored.Id), ("updatedAt", stored.UpdatedAt));
    }

    public static JsonObject Opening(StoredOpening stored)
    {
        var document = JsonSerializer.SerializeToNode(stored.Opening, ReintegrationJsonContext.Default.Opening)!.AsObject();
        return Prepend(document, ("id", stored.Id), ("publisherId", stored.PublisherId), ("positionsFilled", stored.Filled), ("closed", stored.Closed), ("updatedAt", stored.UpdatedAt));
    }

    public static IResult Json(JsonObject resource, string? etag = null, int status = StatusCodes.Status200OK) =>
        new EtagResult(TypedResults.Json(resource, ApiJsonContext.Web.JsonObject, statusCode: status), etag);

    private static JsonObject Prepend(JsonObject document, params (string Name, JsonNode? Value)[] first)
    {
        var result = new JsonObject();
        foreach (var (name, value) in first)
        {
            result[name] = value;
        }

        foreach (var (name, value) in document.ToList())
        {
            document.Remove(name);
            result[name] = value;
        }

        return result;
    }

    private sealed class EtagResult(IResult inner, string? etag) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (etag is not null)
            {
                httpContext.Response.Headers.ETag = etag;
            }

            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>
/// The fields <see cref="Resources.Profile"/> puts before the document, as a type for the OpenAPI schema
/// (the values are written as typed JSON values, so that dates keep their '+'); a test checks the schema against a served profile.
/// </summary>
public sealed record StoredProfileFields(string Id, DateTimeOffset UpdatedAt);

/// <summary>The fields <see cref="Resources.Opening"/> puts before the document, as a type for the OpenAPI schema; a test checks it against a served opening.</summary>
public sealed record StoredOpeningFields(string Id, string PublisherId, int PositionsFilled, bool Closed, DateTimeOffset UpdatedAt);
