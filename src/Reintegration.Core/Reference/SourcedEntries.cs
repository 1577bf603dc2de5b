namespace Reintegration.Reference;

/// <summary>
/// Every entry of the tables a caseworker's advice rests on (mobility regimes, ban areas, currencies)
/// names the sources it was checked against and the day it was last checked, so that a reviewer knows
/// where to look and a caseworker how fresh the advice is. A file's "sources" table maps short ids to
/// citations; each entry lists the ids of its own sources.
/// </summary>
internal static class SourcedEntries
{
    /// <summary>
    /// The citations behind an entry's source ids; an entry without sources or a date, or naming an id the
    /// table lacks, is refused.
    /// </summary>
    public static IReadOnlyList<string> Cite(
        string file, string entry, IReadOnlyList<string>? ids, DateOnly? verifiedOn, IReadOnlyDictionary<string, string>? table)
    {
        if (ids is not { Count: > 0 })
        {
            throw new InvalidDataException($"{file}: {entry} names no sources.");
        }

        if (verifiedOn is null)
        {
            throw new InvalidDataException($"{file}: {entry} has no verifiedOn.");
        }

        var unknown = ids.Where(id => table?.ContainsKey(id) != true).ToList();
        return unknown.Count == 0
            ? ids.Select(id => table![id]).ToList()
            : throw new InvalidDataException($"{file}: {entry} names sources missing from the file's table: {string.Join(", ", unknown)}.");
    }
}
