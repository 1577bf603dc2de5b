namespace Reintegration.Matching;

/// <summary>A point with its trigonometry precomputed, so that a distance costs one haversine and no conversions.</summary>
internal readonly record struct GeoPoint
{
    private const double EarthRadiusKm = 6371.0088;

    public GeoPoint(double lat, double lon)
    {
        Lat = lat;
        Lon = lon;
        LatRad = lat * Math.PI / 180;
        LonRad = lon * Math.PI / 180;
        CosLat = Math.Cos(LatRad);
    }

    public double Lat { get; }
    public double Lon { get; }
    private double LatRad { get; }
    private double LonRad { get; }
    private double CosLat { get; }

    /// <summary>Great-circle distance by the haversine formula (the same as <see cref="Reference.Geo.DistanceKm"/>).</summary>
    public double DistanceKm(in GeoPoint other)
    {
        var sinLat = Math.Sin((other.LatRad - LatRad) / 2);
        var sinLon = Math.Sin((other.LonRad - LonRad) / 2);
        var a = sinLat * sinLat + CosLat * other.CosLat * sinLon * sinLon;
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
