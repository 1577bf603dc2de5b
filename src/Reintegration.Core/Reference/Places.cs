using System.Globalization;

namespace Reintegration.Reference;

/// <summary>A city of the region with its first-level administrative region and coordinates.</summary>
public sealed record Place(string Country, string NameEn, string NameRu, string Region, double Lat, double Lon, int Population);

/// <summary>The main cities of each state of the region, for regions, distances and demo data.</summary>
public sealed class Places
{
    private readonly Dictionary<string, Place[]> _byCountry;
    private readonly Dictionary<(string Country, string Region), int> _regionIds;

    // Looked up once per opening compiled (a million at a start): by name, and the region at a place's own point.
    private readonly Dictionary<string, Dictionary<string, Place>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, double Lat, double Lon), int> _regionAtPlace = [];

    internal Places(IEnumerable<Place> places)
    {
        All = places.ToList();
        _byCountry = All.GroupBy(p => p.Country, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _regionIds = All.Select(p => (p.Country, p.Region)).Distinct().Select((key, id) => (key, id)).ToDictionary(x => x.key, x => x.id + 1);
        foreach (var place in All)
        {
            // The first place of a name, or at a point, wins: as the searches in order that these stand for.
            var names = _byName.TryGetValue(place.Country, out var known) ? known : _byName[place.Country] = new(StringComparer.OrdinalIgnoreCase);
            names.TryAdd(place.NameEn, place);
            names.TryAdd(place.NameRu, place);
            _regionAtPlace.TryAdd((place.Country, place.Lat, place.Lon), _regionIds[(place.Country, place.Region)]);
        }
    }

    public IReadOnlyList<Place> All { get; }

    public IEnumerable<Place> InCountry(string country) => _byCountry.GetValueOrDefault(country) ?? [];

    /// <summary>The place of that name (English or Russian, any case) in the country, if it is one of ours.</summary>
    public Place? Find(string country, string city) =>
        _byName.TryGetValue(country, out var names) && names.TryGetValue(city.Trim(), out var place) ? place : null;

    /// <summary>The place of the country nearest to a point (the first of the nearest, in file order), if the country has places.</summary>
    public Place? Nearest(string country, double lat, double lon)
    {
        // A loop over an array, not MinBy: every profile compiled asks this (twice for each person in a digest run).
        if (!_byCountry.TryGetValue(country, out var places))
        {
            return null;
        }

        var (nearest, distance) = ((Place?)null, double.PositiveInfinity);
        foreach (var place in places)
        {
            var to = Geo.DistanceKm(lat, lon, place.Lat, place.Lon);
            if (nearest is null || to.CompareTo(distance) < 0)
            {
                (nearest, distance) = (place, to);
            }
        }

        return nearest;
    }

    /// <summary>
    /// A number for the administrative region a point is in, taken as the region of the country's
    /// nearest place; 0 when the country has no places. Equal numbers mean the same region.
    /// </summary>
    public int RegionIdAt(string country, double lat, double lon) =>
        _regionAtPlace.TryGetValue((country, lat, lon), out var atPlace) ? atPlace
        : Nearest(country, lat, lon) is { } place ? _regionIds[(place.Country, place.Region)] : 0;

    internal static Places Load() =>
        new(SeedFiles.ReadCsv("places.csv").Select(row => new Place(
            row["country"], row["name_en"], row["name_ru"], row["region_en"],
            double.Parse(row["lat"], CultureInfo.InvariantCulture),
            double.Parse(row["lon"], CultureInfo.InvariantCulture),
            int.Parse(row["population"], CultureInfo.InvariantCulture))));
}
