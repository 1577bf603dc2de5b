namespace Reintegration.Storage.Retention;

/// <summary>How long personal data is kept, bound from <c>Reintegration:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Reintegration:Retention";

    /// <summary>A profile not updated for this many months is erased, with its placements and digest entries.</summary>
    public int ProfileMonths { get; set; } = 24;
}
