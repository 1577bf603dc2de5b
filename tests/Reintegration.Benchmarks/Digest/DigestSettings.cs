using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.Digest;

/// <summary>What the digest benchmark runs: how many people and openings, from which seed, with which cap.</summary>
internal sealed record DigestSettings(int Profiles, int Openings, int Seed, double Multiplier, int Top, int Candidates)
{
    /// <summary>The Monday the week's digest is for, fixed so that runs are reproducible.</summary>
    public static readonly DateOnly Today = new(2026, 11, 30);

    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("profiles", "20000", "people across the demo centres"),
        new("openings", "100000", "openings in the index"),
        new("seed", "1", "seed of the demo data"),
        new("multiplier", "3", "congestion cap: recommendations per unfilled position"),
        new("top", "5", "recommendations per person"),
        new("candidates", "50", "how deep each person's list of candidates goes (at most 100)"),
    ];

    public static DigestSettings From(Arguments args) => new(
        args.Int("profiles", min: 1, max: 1_000_000),
        args.Int("openings", min: 1, max: 10_000_000),
        args.Int("seed"),
        args.Int("multiplier", min: 1, max: 100),
        args.Int("top", min: 1, max: 20),
        args.Int("candidates", min: 1, max: 100));
}
