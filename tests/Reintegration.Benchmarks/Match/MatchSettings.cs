using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.Match;

/// <summary>What the match benchmark runs: how many openings and queries, from which seed, and how much of it is warm-up or checked against the full scan.</summary>
internal sealed record MatchSettings(int Openings, int Queries, int Seed, int Warmup, int Naive)
{
    /// <summary>The day the data is generated for and matched on, fixed so that runs are reproducible.</summary>
    public static readonly DateOnly Today = new(2026, 11, 30);

    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("openings", "100000", "openings in the index"),
        new("queries", "2000", "profiles matched, spread across the demo centres"),
        new("seed", "1", "seed of the demo data"),
        new("warmup", "200", "queries run first and not counted (repeated for at least 3 seconds)"),
        new("naive", "200", "queries also answered by the full scan, timed and compared (the first ones; all if fewer)"),
    ];

    public static MatchSettings From(Arguments args) => new(
        args.Int("openings", min: 1, max: 10_000_000),
        args.Int("queries", min: 1, max: 1_000_000),
        args.Int("seed"),
        args.Int("warmup", min: 0),
        args.Int("naive", min: 1));
}
