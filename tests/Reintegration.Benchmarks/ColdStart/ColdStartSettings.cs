using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.ColdStart;

/// <summary>
/// What the coldstart benchmark runs: how many openings, from which seed, how many starts of each kind, of which app, and
/// how the openings get into storage and into the snapshot (<see cref="ColdStartSetup"/>).
/// </summary>
internal sealed record ColdStartSettings(int Openings, int Seed, int Starts, ColdStartSetup Setup, IReadOnlyList<AppForm> Forms)
{
    /// <summary>Above this many openings "auto" takes them through the app's API: Azurite's table scan grows with the square of the rows.</summary>
    public const int MostForTableScan = 200_000;

    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("openings", "100000", "openings written to Azurite before the starts"),
        new("seed", "1", "seed of the demo data"),
        new("starts", "2", "starts timed from the table (with --setup table) and as many from the snapshot, of each app form"),
        new("app", "both", "the app started: " + AppForms.Help),
        new("setup", "auto",
            "table: written through the storage layer, starts timed from the table, the snapshot by an instance that scans it; "
            + "api: a first instance takes them through POST /api/openings and writes the snapshot, only snapshot starts; "
            + "snapshot: the benchmark writes the snapshot itself through the app's snapshot store and the table stays empty, "
            + $"only snapshot starts; auto: table up to {MostForTableScan:N0} openings, api above"),
    ];

    public static ColdStartSettings From(Arguments args)
    {
        var openings = args.Int("openings", min: 1, max: 2_000_000);
        var setup = args.Text("setup") switch
        {
            "table" => ColdStartSetup.Table,
            "api" => ColdStartSetup.Api,
            "snapshot" => ColdStartSetup.Snapshot,
            "auto" => openings > MostForTableScan ? ColdStartSetup.Api : ColdStartSetup.Table,
            var other => throw new UsageException($"Option '--setup' must be table, api, snapshot or auto, not '{other}'."),
        };
        return new(openings, args.Int("seed"), args.Int("starts", min: 1, max: 20), setup, AppForms.Parse(args.Text("app")));
    }
}

/// <summary>How the openings get into storage, and the snapshot into Blob Storage, before the starts timed.</summary>
internal enum ColdStartSetup
{
    /// <summary>Written through the storage layer; starts timed from the table; the snapshot by an instance that scans it.</summary>
    Table,

    /// <summary>A first instance takes them through POST /api/openings and writes the snapshot (<see cref="ApiImport"/>).</summary>
    Api,

    /// <summary>
    /// The snapshot the app would write of them, written by the benchmark through the app's snapshot store, the table
    /// left empty: what a start from a snapshot reads, without the hour a loaded Azurite takes to hold a million rows.
    /// </summary>
    Snapshot,
}
