using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.Import;

/// <summary>What the import benchmark runs: how many profiles from which seed, how many requests at once, how much warm-up, how many rounds.</summary>
internal sealed record ImportSettings(int Profiles, int Seed, int Parallel, int Warmup, int Rounds, RawShape RawShape)
{
    /// <summary>The day the data is generated for and validated on, fixed so that runs are reproducible.</summary>
    public static readonly DateOnly Today = new(2026, 11, 30);

    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("profiles", "20000", "profiles imported by each side, spread across the demo centres"),
        new("seed", "1", "seed of the demo data"),
        new("parallel", "4", "requests (layer) or transactions (raw) in flight at once"),
        new("warmup", "2000", "items per warm-up pass into throwaway partitions, not counted; passes repeat for at least 5 s per side and round (0: none)"),
        new("rounds", "2", "measured rounds, alternating which side goes first; the best of each side counts"),
        new("raw-shape", "json", "raw entities: 'json' (the JSON in one property) or 'layer' (also the layer's UpdatedAt and JsonParts)"),
    ];

    public static ImportSettings From(Arguments args) => new(
        args.Int("profiles", min: 1, max: 1_000_000),
        args.Int("seed"),
        args.Int("parallel", min: 1, max: 64),
        args.Int("warmup", min: 0, max: 100_000),
        args.Int("rounds", min: 1, max: 20),
        args.Text("raw-shape") switch
        {
            "json" => RawShape.Json,
            "layer" => RawShape.Layer,
            var other => throw new UsageException($"Option '--raw-shape' must be 'json' or 'layer', not '{other}'."),
        });
}
