namespace Reintegration.Domain;

/// <summary>What came of putting a person forward for an opening.</summary>
public enum PlacementOutcome
{
    Applied,
    Interviewed,
    Hired,
    Rejected,
}
