using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.Lucene;

/// <summary>What the lucene benchmark runs: how many openings and queries, from which seed, and how much warm-up.</summary>
internal sealed record LuceneSettings(int Openings, int Queries, int Seed, int Warmup)
{
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("openings", "100000", "openings in both engines"),
        new("queries", "2000", "profiles matched by both, spread across the demo centres"),
        new("seed", "1", "seed of the demo data"),
        new("warmup", "200", "queries run by both first and not counted (repeated for at least 3 seconds)"),
    ];

    public static LuceneSettings From(Arguments args) => new(
        args.Int("openings", min: 1, max: 10_000_000),
        args.Int("queries", min: 1, max: 1_000_000),
        args.Int("seed"),
        args.Int("warmup", min: 0));
}
