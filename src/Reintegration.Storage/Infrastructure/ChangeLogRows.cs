using System.Globalization;
using Azure.Data.Tables;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// The rows both change logs write: partitioned by the minute they were written ("202611281730"), ordered
/// within it by time, each naming up to <see cref="NamesPerRow"/> keys in one comma-separated property, so
/// that a write of many is a few rows, not one per key (every read looks back over the clock-skew allowance
/// and so reads a row many times).
/// </summary>
internal static class ChangeLogRows
{
    /// <summary>500 names of up to 35 characters and their commas stay well within a string property's 32K characters.</summary>
    public const int NamesPerRow = 500;

    private const string BucketFormat = "yyyyMMddHHmm";

    /// <summary>The rows naming <paramref name="names"/> (distinct already), written at <paramref name="now"/>.</summary>
    public static List<TableEntity> For(DateTimeOffset now, IEnumerable<string> names, string column)
    {
        var bucket = Bucket(now);
        return names.Chunk(NamesPerRow)
            .Select(chunk => new TableEntity(bucket, $"{now.UtcTicks:D19}-{Guid.NewGuid():N}") { [column] = string.Join(',', chunk) })
            .ToList();
    }

    /// <summary>The filter for the rows written in the minutes from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string Between(DateTimeOffset from, DateTimeOffset to) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {Bucket(from)} and PartitionKey le {Bucket(to)}");

    /// <summary>The filter for the rows written in the minutes before <paramref name="before"/>'s.</summary>
    public static string Before(DateTimeOffset before) => TableClient.CreateQueryFilter($"PartitionKey lt {Bucket(before)}");

    /// <summary>A row's name, as a reader remembers the rows it has applied.</summary>
    public static string Name(TableEntity row) => row.PartitionKey + "/" + row.RowKey;

    /// <summary>The keys a row names in <paramref name="column"/>, or null when it has no such property.</summary>
    public static string[]? Names(TableEntity row, string column) =>
        row.GetString(column)?.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string Bucket(DateTimeOffset instant) => instant.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);
}
