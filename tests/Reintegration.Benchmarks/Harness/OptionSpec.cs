namespace Reintegration.Benchmarks.Harness;

/// <summary>An option a mode accepts, as <c>--name value</c> or <c>--name=value</c>, with its default when left out.</summary>
internal sealed record OptionSpec(string Name, string Default, string Help);
