using System.Globalization;
using Reintegration.Demo;
using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Benchmarks.Match;

/// <summary>A profile to match, and the demo centre whose caseload it belongs to.</summary>
internal sealed record MatchCase(string Centre, Profile Profile);

/// <summary>
/// The benchmark's data, all drawn from the demo generator with the settings' seed: the openings as
/// stored listings, and the profiles to match, taken from every centre in turn.
/// </summary>
internal static class MatchWorkload
{
    /// <summary>One opening in this many is stored with every position filled, so that the Closed rule has work to do.</summary>
    private const int FilledEvery = 10;

    /// <summary>
    /// Each opening with a stable id ("KG-00000042": country, then its number) and, for one in
    /// <see cref="FilledEvery"/> (which ones depends on the seed), every position filled.
    /// </summary>
    public static List<OpeningListing> Listings(IReadOnlyList<Opening> openings, int seed)
    {
        var filledAt = (int)((uint)seed % FilledEvery);
        var listings = new List<OpeningListing>(openings.Count);
        for (var i = 0; i < openings.Count; i++)
        {
            var opening = openings[i];
            var id = string.Create(CultureInfo.InvariantCulture, $"{opening.Location.Country}-{i:D8}");
            listings.Add(new OpeningListing(id, opening, i % FilledEvery == filledAt ? opening.Positions : 0));
        }

        return listings;
    }

    /// <summary>
    /// <paramref name="count"/> profiles, the same number (give or take one) from each centre, interleaved
    /// centre by centre so that any prefix of the list (the full-scan subset) covers every centre.
    /// </summary>
    public static List<MatchCase> Cases(DemoData demo, int count)
    {
        var centres = demo.Centres();
        var perCentre = (count + centres.Count - 1) / centres.Count;
        var caseloads = centres.Select(c => demo.Profiles(c, perCentre)).ToList();
        var cases = new List<MatchCase>(count);
        for (var i = 0; i < count; i++)
        {
            var centre = i % centres.Count;
            cases.Add(new MatchCase(centres[centre].Key, caseloads[centre][i / centres.Count]));
        }

        return cases;
    }
}
