namespace Reintegration.Functions.Http;

/// <summary>How much one key may ask of one instance, bound from <c>Reintegration:RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Reintegration:RateLimit";

    /// <summary>Requests per key per minute (0: no limit).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Matches for walk-in profiles (sent in the body, not stored) per centre per hour (0: no limit):
    /// each answers what the index holds for a profile the caller made up, so many of them map the
    /// openings of the whole region.
    /// </summary>
    public int WalkInMatchesPerHour { get; set; } = 120;
}
