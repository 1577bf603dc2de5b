namespace Reintegration.Benchmarks.Harness;

/// <summary>
/// One benchmark: the word that selects it (the first argument), the options it accepts, and how it
/// runs. <see cref="Run"/> returns the exit code; it reads its options from the parsed arguments first,
/// so that a bad value is reported before any work starts.
/// </summary>
internal sealed record BenchmarkMode(string Name, string Summary, IReadOnlyList<OptionSpec> Options, Func<Arguments, int> Run);
