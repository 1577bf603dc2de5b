using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Reintegration.Validation;

namespace Reintegration.Functions.Http;

/// <summary>A request body that cannot be used: the problem to answer with.</summary>
public sealed class RequestBodyException(IResult problem) : Exception("The request body was refused.")
{
    public IResult Problem { get; } = problem;
}

/// <summary>One item or an array of them, as read from a body: null items stay null; <see cref="Errors"/> has what could not be read.</summary>
public sealed record JsonBatch<T>(IReadOnlyList<T?> Items, bool IsArray, ValidationErrors Errors)
    where T : class;

/// <summary>
/// Reads request bodies ourselves (the worker's [FromBody] answers a bad body with 500): the media
/// type is checked (415), the size bounded (413), and JSON that does not fit the model is a 400
/// listing every field that could not be read.
/// </summary>
public static class RequestBody
{
    public static Task<byte[]> ReadAsync(HttpRequest request, string mediaType, long maxBytes, CancellationToken cancellationToken) =>
        ReadAsync(request, [mediaType], maxBytes, cancellationToken);

    /// <summary>The body, of one of <paramref name="mediaTypes"/> (the first is the one named in a 415), at most <paramref name="maxBytes"/> long.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, IReadOnlyList<string> mediaTypes, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !mediaTypes.Any(m => contentType.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RequestBodyException(Problems.UnsupportedMediaType(string.Join(" or ", mediaTypes)));
        }

        if (request.ContentLength > maxBytes)
        {
            throw new RequestBodyException(Problems.TooLarge($"The body is larger than {maxBytes / (1024 * 1024)} MiB."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new RequestBodyException(Problems.TooLarge($"The body is larger than {maxBytes / (1024 * 1024)} MiB."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new RequestBodyException(Problems.Invalid("$", "A request body is required."));
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A JSON object: what could be read of it, and every field that could not (wrong type or format,
    /// unknown, null where null is not allowed), each at its path. Malformed JSON is one error, where it breaks.
    /// </summary>
    public static async Task<JsonRead<T>> ReadJsonAsync<T>(HttpRequest request, JsonTypeInfo<T> type, long maxBytes, CancellationToken cancellationToken) =>
        ReadJson(await ReadAsync(request, "application/json", maxBytes, cancellationToken), type);

    /// <summary>A JSON body already read, as <see cref="ReadJsonAsync"/> reads it: a null body is an error too.</summary>
    public static JsonRead<T> ReadJson<T>(byte[] body, JsonTypeInfo<T> type)
    {
        var read = TolerantJson.Read(body, type);
        if (read.Value is null && read.Errors.IsEmpty)
        {
            read.Errors.Add("$", "The body is null.");
        }

        return read;
    }

    /// <summary>
    /// A JSON object, or an array of them (of at most <paramref name="maxItems"/>), read as
    /// <see cref="ReadJsonAsync{T}"/> reads one, with paths "[i].field" for an array. A null item
    /// stays null, for the validator to report.
    /// </summary>
    public static async Task<JsonBatch<T>> ReadOneOrManyAsync<T>(HttpRequest request, JsonTypeInfo<T> one, long maxBytes, int maxItems, CancellationToken cancellationToken)
        where T : class
    {
        var body = await ReadAsync(request, "application/json", maxBytes, cancellationToken);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new RequestBodyException(Problems.Invalid("$", TolerantJson.Malformed(e)));
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = new ValidationErrors();
            if (root.ValueKind != JsonValueKind.Array)
            {
                var read = TolerantJson.Read(root, one, errors);
                if (read.Value is null && errors.IsEmpty)
                {
                    errors.Add("$", "The body is null.");
                }

                return new JsonBatch<T>([read.Value], false, errors);
            }

            var count = root.GetArrayLength();
            if (count > maxItems)
            {
                throw new RequestBodyException(Problems.TooLarge($"The array has {count} items; send at most {maxItems} per request."));
            }

            if (count == 0)
            {
                throw new RequestBodyException(Problems.Invalid("$", "The array is empty."));
            }

            var items = root.EnumerateArray().Select((item, i) => TolerantJson.Read(item, one, errors, $"[{i}].").Value).ToList();
            return new JsonBatch<T>(items, true, errors);
        }
    }
}
