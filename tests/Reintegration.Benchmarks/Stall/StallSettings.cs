using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.Stall;

/// <summary>What the stall benchmark runs.</summary>
internal sealed record StallSettings(int Openings, int Profiles, int Connections, int StallSeconds, int AfterSeconds, int Seed, AppForm Form)
{
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("openings", "10000", "openings written to Azurite"),
        new("profiles", "200", "stored profiles, asked for in turn"),
        new("connections", "16", "requests in flight at once (a health prober besides)"),
        new("stall", "35", "seconds Table Storage hangs"),
        new("after", "30", "seconds of calls after storage serves again (longer than the breaker's 15 s break)"),
        new("seed", "1", "seed of the demo data"),
        new("app", "jit", "the app started: jit (the Release build) or r2r (the ReadyToRun publish, as deployed)"),
    ];

    public static StallSettings From(Arguments args) => new(
        args.Int("openings", min: 1, max: 2_000_000),
        args.Int("profiles", min: 1, max: 100_000),
        args.Int("connections", min: 1, max: 1024),
        args.Int("stall", min: 1, max: 600),
        args.Int("after", min: 1, max: 600),
        args.Int("seed"),
        AppForms.ParseOne(args.Text("app")));
}
