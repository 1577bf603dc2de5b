using System.Globalization;

namespace Reintegration.Benchmarks.Harness;

/// <summary>
/// The options of one mode, parsed from <c>--name value</c> (or <c>--name=value</c>) pairs. Unknown,
/// repeated and valueless options are rejected when parsing; a value's type and range when it is read.
/// Options left out take the mode's defaults.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values;

    private Arguments(string mode, Dictionary<string, string> values)
    {
        Mode = mode;
        _values = values;
    }

    public string Mode { get; }

    /// <exception cref="UsageException">An option the mode does not take, given twice, or without a value.</exception>
    public static Arguments Parse(BenchmarkMode mode, IReadOnlyList<string> args)
    {
        var known = mode.Options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{arg}': options are written --name value.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (!known.ContainsKey(name))
            {
                throw new UsageException($"Unknown option '--{name}' for mode '{mode.Name}'; it takes {Describe(mode)}.");
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"Option '--{name}' needs a value.");
            }

            if (!given.TryAdd(name, value))
            {
                throw new UsageException($"Option '--{name}' is given more than once.");
            }
        }

        foreach (var option in mode.Options)
        {
            given.TryAdd(option.Name, option.Default);
        }

        return new Arguments(mode.Name, given);
    }

    /// <summary>The option as a whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="UsageException">Not a whole number, or out of range.</exception>
    public int Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Text(name);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"Option '--{name}' must be a whole number, not '{text}'.");
        }

        if (value < min || value > max)
        {
            throw new UsageException(max == int.MaxValue
                ? $"Option '--{name}' must be at least {min.ToString(CultureInfo.InvariantCulture)}, not {text}."
                : $"Option '--{name}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {text}.");
        }

        return value;
    }

    /// <summary>The option's text as given, or its default.</summary>
    public string Text(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"Mode '{Mode}' declares no option '--{name}'.");

    /// <summary>Every option as <c>--name=value</c> (given or its default) but those named: to run the mode in another process.</summary>
    public IEnumerable<string> CommandLine(params string[] except) =>
        _values.Where(kv => !except.Contains(kv.Key)).Select(kv => $"--{kv.Key}={kv.Value}");

    public static string Describe(BenchmarkMode mode) =>
        mode.Options.Count == 0 ? "no options" : string.Join(", ", mode.Options.Select(o => $"--{o.Name}"));
}
