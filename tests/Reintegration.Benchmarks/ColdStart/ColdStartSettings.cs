using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.ColdStart;

/// <summary>What the coldstart benchmark runs: how many openings, from which seed, how many starts of each kind, of which app.</summary>
internal sealed record ColdStartSettings(int Openings, int Seed, int Starts, IReadOnlyList<AppForm> Forms)
{
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("openings", "100000", "openings written to Azurite before the starts"),
        new("seed", "1", "seed of the demo data"),
        new("starts", "2", "starts timed from the table and as many from the snapshot, of each app form"),
        new("app", "both", "the app started: " + AppForms.Help),
    ];

    public static ColdStartSettings From(Arguments args) => new(
        args.Int("openings", min: 1, max: 2_000_000),
        args.Int("seed"),
        args.Int("starts", min: 1, max: 20),
        AppForms.Parse(args.Text("app")));
}
