namespace Reintegration.Domain;

/// <summary>
/// Where a person lives or an opening is. Coordinates may be left out when the city is one of the
/// places in the reference data; they are then taken from there.
/// </summary>
public sealed record Location
{
    public string Country { get; init => field = Codes.Upper(value) ?? ""; } = "";
    public string City { get; init => field = value ?? ""; } = "";
    public double? Lat { get; init; }
    public double? Lon { get; init; }
}
