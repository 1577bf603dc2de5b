using Bogus;
using Reintegration.Demo.Sampling;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Demo.Generation;

/// <summary>Places of a country drawn by population, their coordinates moved by up to ±0.05°.</summary>
internal sealed class PlacePicker
{
    private const double Jitter = 0.05;

    private readonly Dictionary<string, Weighted<Place>> _byCountry;

    public PlacePicker(ReferenceData reference, IEnumerable<string> countries) =>
        _byCountry = countries.Distinct(StringComparer.Ordinal).ToDictionary(
            c => c,
            c => new Weighted<Place>(reference.Places.InCountry(c).Select(p => (p, (double)p.Population)), $"the places of {c} (seeds/places.csv)"),
            StringComparer.Ordinal);

    public Location Next(Randomizer random, string country)
    {
        var place = _byCountry[country].Next(random);
        return new Location
        {
            Country = country,
            City = place.NameEn,
            Lat = Math.Round(place.Lat + (random.Double() * 2 - 1) * Jitter, 4),
            Lon = Math.Round(place.Lon + (random.Double() * 2 - 1) * Jitter, 4),
        };
    }
}
