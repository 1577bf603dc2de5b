namespace Reintegration.Domain;

/// <summary>An amount in an ISO 4217 currency.</summary>
public sealed record Money
{
    public decimal Amount { get; init; }
    public string Currency { get; init => field = Codes.Upper(value) ?? ""; } = "";
}

/// <summary>A monthly wage range offered by an opening.</summary>
public sealed record WageRange
{
    public decimal Min { get; init; }
    public decimal Max { get; init; }
    public string Currency { get; init => field = Codes.Upper(value) ?? ""; } = "";
}
