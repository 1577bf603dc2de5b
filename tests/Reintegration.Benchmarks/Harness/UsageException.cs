namespace Reintegration.Benchmarks.Harness;

/// <summary>The command line cannot be run as given: the message says why. The process exits with code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
