namespace Reintegration.Matching;

/// <summary>
/// How much each component counts in a match's score. Any non-negative weights: the score divides by
/// their sum, so it stays in [0, 1]. Bound from configuration (<c>Reintegration:Scoring</c>).
/// </summary>
public sealed record ScoringWeights
{
    public double Occupation { get; init; } = 0.30;
    public double Skills { get; init; } = 0.10;
    public double Language { get; init; } = 0.10;
    public double Experience { get; init; } = 0.10;
    public double Location { get; init; } = 0.15;
    public double Wage { get; init; } = 0.10;
    public double Pathway { get; init; } = 0.15;

    public static ScoringWeights Default { get; } = new();

    internal double Sum => Occupation + Skills + Language + Experience + Location + Wage + Pathway;

    /// <summary>Why the weights cannot be used, or null when they can.</summary>
    public string? Problem() =>
        new[] { Occupation, Skills, Language, Experience, Location, Wage, Pathway }.Any(w => w < 0 || !double.IsFinite(w)) ? "Weights must be finite and non-negative."
        : Sum <= 0 ? "At least one weight must be positive."
        : null;
}
