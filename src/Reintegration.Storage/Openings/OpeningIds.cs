using System.Text.RegularExpressions;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Openings;

/// <summary>
/// An opening's id is its country and a hash of its publisher and external reference ("KZ-3f2a…"):
/// re-publishing the same reference writes the same entity, and the country in front is the
/// partition, so a read by id is a point read. Moving an opening to another country makes a new id.
/// </summary>
public static partial class OpeningIds
{
    public static string For(string publisherId, string externalRef, string country) => $"{country}-{RefKey(publisherId, externalRef)}";

    /// <summary>The key of (publisher, external reference) in the references table.</summary>
    public static string RefKey(string publisherId, string externalRef) => StableIds.Derive("opening:" + publisherId, externalRef);

    public static bool TryParse(string? id, out string country)
    {
        country = "";
        if (id is null || !Shape().IsMatch(id))
        {
            return false;
        }

        country = id[..2];
        return true;
    }

    [GeneratedRegex(@"^[A-Z]{2}-[0-9a-f]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
