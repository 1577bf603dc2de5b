using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Validation;

internal static class LocationRules
{
    /// <summary>A place in one of the region's states, with coordinates or a city the reference data knows.</summary>
    public static void Check(ValidationErrors errors, string path, Location location, CodeRules codes, ReferenceData reference)
    {
        codes.RegionalCountry(errors, $"{path}.country", location.Country);
        TextRules.Required(errors, $"{path}.city", location.City);
        if (location.Lat is < -90 or > 90)
        {
            errors.Add($"{path}.lat", "Latitude must be between -90 and 90.");
        }

        if (location.Lon is < -180 or > 180)
        {
            errors.Add($"{path}.lon", "Longitude must be between -180 and 180.");
        }

        if (location.Lat.HasValue != location.Lon.HasValue)
        {
            errors.Add(location.Lat.HasValue ? $"{path}.lon" : $"{path}.lat", "Give both lat and lon, or neither.");
        }
        else if (!location.Lat.HasValue && !string.IsNullOrWhiteSpace(location.City) && !errors.Has($"{path}.country")
            && reference.Places.Find(location.Country, location.City) is null)
        {
            errors.Add($"{path}.city", "This city is not in the reference data: give its lat and lon.");
        }
    }

    /// <summary>The coordinates of a valid location: its own, or its city's from the reference data.</summary>
    public static (double Lat, double Lon) Coordinates(Location location, ReferenceData reference) =>
        location is { Lat: { } lat, Lon: { } lon }
            ? (lat, lon)
            : reference.Places.Find(location.Country, location.City) is { } place
                ? (place.Lat, place.Lon)
                : throw new InvalidOperationException("The location was not validated: it has no coordinates and no known city.");
}
