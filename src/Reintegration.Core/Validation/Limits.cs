namespace Reintegration.Validation;

/// <summary>Sane bounds on what one profile or opening may carry.</summary>
public static class Limits
{
    public const int MaxText = 200;
    public const int MaxReference = 100;
    public const int MaxListItems = 50;
    public const int MaxYears = 70;
    public const int MaxPositions = 10_000;

    /// <summary>A monthly amount in any currency of the region (Iranian rials included) stays below this.</summary>
    public const decimal MaxMonthlyAmount = 1_000_000_000_000m;
}
