namespace Reintegration.Storage.Centres;

/// <summary>Bound from <c>Reintegration:Centres</c>.</summary>
public sealed class CentreOptions
{
    public const string SectionName = "Reintegration:Centres";

    /// <summary>
    /// How long an instance trusts a centre it has read (and an id it found unknown) before reading it
    /// again: a key rotated or a centre changed on one instance takes effect on every other within this.
    /// </summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many profiles a centre may keep unless the admin set it another quota.</summary>
    public int DefaultProfileQuota { get; set; } = 5_000;
}
