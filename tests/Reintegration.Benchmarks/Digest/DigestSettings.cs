using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.Digest;

/// <summary>
/// What the digest benchmark runs: how many people and openings, from which seed, with which cap; and where: in this
/// process (<see cref="Forms"/> null), or in fresh processes of the given forms, <see cref="Runs"/> times each, in turn.
/// </summary>
internal sealed record DigestSettings(
    int Profiles, int Openings, int Seed, double Multiplier, int Top, int Candidates, IReadOnlyList<AppForm>? Forms, int Runs)
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
        new("app", "here", "here (in this process), or in a new process each run: " + AppForms.Help),
        new("runs", "1", "with --app other than here: runs of each form, in turn"),
    ];

    public static DigestSettings From(Arguments args) => new(
        args.Int("profiles", min: 1, max: 1_000_000),
        args.Int("openings", min: 1, max: 10_000_000),
        args.Int("seed"),
        args.Int("multiplier", min: 1, max: 100),
        args.Int("top", min: 1, max: 20),
        args.Int("candidates", min: 1, max: 100),
        args.Text("app") == "here" ? null : AppForms.Parse(args.Text("app")),
        args.Int("runs", min: 1, max: 20));
}
