namespace Reintegration.Storage.Openings.Snapshots;

/// <summary>Bound from <c>Reintegration:IndexSnapshot</c>.</summary>
public sealed class IndexSnapshotOptions
{
    public const string SectionName = "Reintegration:IndexSnapshot";

    /// <summary>Whether instances load the index from a snapshot and write snapshots; off, every start scans the table.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The Blob service: a connection string, or a Blob service URI used with the app's managed identity.
    /// Unset, it is taken from <c>Reintegration:Storage</c> (the same connection string, or the Table
    /// service URI with <c>.table.</c> changed to <c>.blob.</c>).
    /// </summary>
    public string? Storage { get; set; }

    /// <summary>A snapshot is written when the newest is this old (by whichever instance holds the writer's lease).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A snapshot is written sooner once this many opening changes were applied since the newest (a large import).</summary>
    public int AfterChanges { get; set; } = 10_000;

    /// <summary>How often an instance considers writing one.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many snapshots are kept; older ones are deleted after each write.</summary>
    public int Keep { get; set; } = 2;
}
