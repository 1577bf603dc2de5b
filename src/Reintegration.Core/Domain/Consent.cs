namespace Reintegration.Domain;

/// <summary>The person's recorded consent to the processing of their data; a profile without it is refused.</summary>
public sealed record Consent
{
    public bool DataProcessing { get; init; }
    public DateOnly? GivenOn { get; init; }
}
