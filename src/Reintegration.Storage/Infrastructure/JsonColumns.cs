using System.Text;
using Azure.Data.Tables;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// A JSON document stored across string properties Json0, Json1, … of at most 30,000 characters
/// each (a property holds 64 KiB of UTF-16), so that lists never need a column each and an entity
/// stays far below its 252 properties and 1 MiB. JsonParts says how many there are, so that a merge
/// that writes fewer parts than before leaves no stale tail behind.
/// </summary>
internal static class JsonColumns
{
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 16;
    private const string Prefix = "Json";
    private const string Parts = "JsonParts";

    public static void Write(TableEntity entity, string json)
    {
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A document of {json.Length} characters does not fit in one entity.");
        }

        chunks = Math.Max(chunks, 1);
        entity[Parts] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity[Prefix + i] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - i * ChunkLength));
        }
    }

    public static string Read(TableEntity entity)
    {
        var json = new StringBuilder();
        var parts = entity.GetInt32(Parts) ?? MaxChunks;
        for (var i = 0; i < parts && entity.TryGetValue(Prefix + i, out var chunk) && chunk is string text; i++)
        {
            json.Append(text);
        }

        return json.ToString();
    }

    /// <summary>The property names a query must select to read the document back.</summary>
    public static IEnumerable<string> Names => Enumerable.Range(0, MaxChunks).Select(i => Prefix + i).Prepend(Parts);
}
