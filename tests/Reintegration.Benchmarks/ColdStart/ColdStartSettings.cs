using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.ColdStart;

/// <summary>What the coldstart benchmark runs: how many openings, from which seed, and how many starts of each kind.</summary>
internal sealed record ColdStartSettings(int Openings, int Seed, int Starts)
{
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("openings", "100000", "openings written to Azurite before the starts"),
        new("seed", "1", "seed of the demo data"),
        new("starts", "2", "starts timed from the table and as many from the snapshot"),
    ];

    public static ColdStartSettings From(Arguments args) => new(
        args.Int("openings", min: 1, max: 2_000_000),
        args.Int("seed"),
        args.Int("starts", min: 1, max: 20));
}
