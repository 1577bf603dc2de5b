namespace Reintegration.Digests;

/// <summary>How digests are made, bound from <c>Reintegration:Digest</c> (the schedule from <c>Reintegration:DigestSchedule</c>).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Reintegration:Digest";
    public const string ScheduleSetting = "Reintegration:DigestSchedule";

    /// <summary>Mondays at 06:00 UTC (NCRONTAB with seconds).</summary>
    public const string DefaultSchedule = "0 0 6 * * 1";

    /// <summary>Recommendations per person.</summary>
    public int TopPerProfile { get; set; } = 5;

    /// <summary>No opening is recommended to more than ceil(multiplier × unfilled positions) people.</summary>
    public double CongestionMultiplier { get; set; } = 3;

    /// <summary>How deep each person's list of candidates goes, so that full openings leave alternatives.</summary>
    public int CandidatesPerProfile { get; set; } = 50;

    /// <summary>Digests of this many past weeks are delivered again when their webhook delivery failed.</summary>
    public int RedeliverWeeks { get; set; } = 4;
}
