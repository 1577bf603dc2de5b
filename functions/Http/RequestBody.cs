using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Reintegration.Functions.Http;

/// <summary>A request body that cannot be used: the problem to answer with.</summary>
public sealed class RequestBodyException(IResult problem) : Exception("The request body was refused.")
{
    public IResult Problem { get; } = problem;
}

/// <summary>
/// Reads request bodies ourselves (the worker's [FromBody] answers a bad body with 500): the media
/// type is checked (415), the size bounded (413), and JSON that does not fit the model is a 400
/// naming the field where reading stopped.
/// </summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, string mediaType, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestBodyException(Problems.UnsupportedMediaType(mediaType));
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

    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, JsonTypeInfo<T> type, long maxBytes, CancellationToken cancellationToken) =>
        Parse(await ReadAsync(request, "application/json", maxBytes, cancellationToken), type);

    /// <summary>A JSON object, or an array of them (of at most <paramref name="maxItems"/>); an array is reported as such.</summary>
    public static async Task<(IReadOnlyList<T> Items, bool IsArray)> ReadOneOrManyAsync<T>(
        HttpRequest request, JsonTypeInfo<T> one, JsonTypeInfo<List<T>> many, long maxBytes, int maxItems, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, "application/json", maxBytes, cancellationToken);
        var first = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 64))).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!first.StartsWith('['))
        {
            return ([Parse(body, one)], false);
        }

        var count = CountItems(body);
        if (count > maxItems)
        {
            throw new RequestBodyException(Problems.TooLarge($"The array has {count} items; send at most {maxItems} per request."));
        }

        var items = Parse(body, many);
        if (items.Count == 0)
        {
            throw new RequestBodyException(Problems.Invalid("$", "The array is empty."));
        }

        return (items, true);
    }

    private static T Parse<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new RequestBodyException(Problems.Invalid("$", "The body is null."));
        }
        catch (JsonException e)
        {
            throw new RequestBodyException(Problems.Invalid(FieldPath(e.Path), Describe(e)));
        }
    }

    /// <summary>Counts the top-level items of a JSON array without building them, so an oversized array costs no allocations.</summary>
    private static int CountItems(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var count = 0;
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                count++;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed: the parse that follows reports where.
        }

        return count;
    }

    /// <summary>"$.home.lat" → "home.lat"; "$[3].bans[0].until" → "[3].bans[0].until"; the root stays "$".</summary>
    internal static string FieldPath(string? jsonPath) =>
        jsonPath is null or "$" ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        return message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) ? $"Unknown property '{UnknownProperty(message)}': it is not part of the contract."
            : message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("allow", StringComparison.OrdinalIgnoreCase) ? "Must not be null."
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "Wrong type or value for this field."
            : $"Malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";
    }

    private static string UnknownProperty(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        var name = end > start ? message[(start + 1)..end] : "?";
        return name.Length <= 50 ? name : name[..50] + "…";
    }
}
