using Reintegration.Benchmarks.ColdStart;
using Reintegration.Benchmarks.Digest;
using Reintegration.Benchmarks.Harness;
using Reintegration.Benchmarks.Import;
using Reintegration.Benchmarks.Lucene;
using Reintegration.Benchmarks.Throughput;
using Reintegration.Benchmarks.Match;
using Reintegration.Benchmarks.Stall;

// One mode per benchmark, chosen by the first argument; a new mode is a class with a BenchmarkMode and one line here.
BenchmarkMode[] modes =
[
    MatchBenchmark.Mode,
    ImportBenchmark.Mode,
    DigestBenchmark.Mode,
    ColdStartBenchmark.Mode,
    LuceneBenchmark.Mode,
    ThroughputBenchmark.Mode,
    StallBenchmark.Mode,
];

if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
{
    var output = args.Length == 0 ? Console.Error : Console.Out;
    output.WriteLine("usage: Reintegration.Benchmarks <mode> [--option value ...]");
    output.WriteLine();
    foreach (var m in modes)
    {
        Usage(output, m);
    }

    return args.Length == 0 ? 2 : 0;
}

var mode = modes.FirstOrDefault(m => m.Name == args[0]);
if (mode is null)
{
    Console.Error.WriteLine($"error: unknown mode '{args[0]}'; the modes are {string.Join(", ", modes.Select(m => m.Name))}.");
    return 2;
}

if (args.Skip(1).Any(a => a is "--help" or "-h"))
{
    Usage(Console.Out, mode);
    return 0;
}

try
{
    return mode.Run(Arguments.Parse(mode, args[1..]));
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine($"Run '{mode.Name} --help' for its options.");
    return 2;
}

static void Usage(TextWriter output, BenchmarkMode mode)
{
    output.WriteLine($"  {mode.Name}: {mode.Summary}");
    foreach (var option in mode.Options)
    {
        output.WriteLine($"    --{option.Name,-10} {option.Help} (default {option.Default})");
    }

    output.WriteLine();
}
