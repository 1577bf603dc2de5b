using System.Globalization;

namespace Reintegration.Demo.Loader;

/// <summary>What to load, and where: parsed from the command line.</summary>
internal sealed record LoaderOptions
{
    public const string AdminKeyVariable = "Reintegration__AdminKey";

    public const string Usage = """
        Loads seeded demo data into a running Reintegration API, through its HTTP API.

        Usage: Reintegration.Demo.Loader --url URL [--admin-key KEY] [options]

          --url URL          the app's base address, e.g. http://127.0.0.1:7071 (without /api)
          --admin-key KEY    the admin key; default: the Reintegration__AdminKey environment variable
          --seed N           the demo data's seed (default 1): the same seed gives the same data
          --profiles N       profiles in total, spread evenly over the centres (default 300)
          --openings N       openings across the region (default 3000)
          --centres N        how many demo centres to register (default 2)
          --today DATE       the day the demo's dates are counted from, yyyy-MM-dd (default: today)
          --keys-file PATH   where the keys and the curl commands are written again
                             (default artifacts/demo-keys.txt)
        """;

    public required Uri Url { get; init; }
    public required string AdminKey { get; init; }
    public int Seed { get; init; } = 1;
    public int Profiles { get; init; } = 300;
    public int Openings { get; init; } = 3000;
    public int Centres { get; init; } = 2;

    /// <summary>The day the demo data's dates (bans, availability, openings) are counted from; null: today.</summary>
    public DateOnly? Today { get; init; }
    public string KeysFile { get; init; } = Path.Combine("artifacts", "demo-keys.txt");

    /// <summary>The options, or an error saying which argument is wrong.</summary>
    public static (LoaderOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string? environmentAdminKey)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                return (null, $"Unexpected argument '{arg}'.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals > 0 ? (arg[2..equals], arg[(equals + 1)..]) : (arg[2..], i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                return (null, $"--{name} needs a value.");
            }

            values[name] = value;
        }

        var unknown = values.Keys.Except(["url", "admin-key", "seed", "profiles", "openings", "centres", "keys-file", "today"]).FirstOrDefault();
        if (unknown is not null)
        {
            return (null, $"Unknown option --{unknown}.");
        }

        if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, "--url must be an http(s) address, e.g. http://127.0.0.1:7071.");
        }

        var adminKey = values.GetValueOrDefault("admin-key") ?? environmentAdminKey;
        if (string.IsNullOrWhiteSpace(adminKey))
        {
            return (null, $"Give the admin key with --admin-key or the {AdminKeyVariable} environment variable.");
        }

        var defaults = new LoaderOptions { Url = uri, AdminKey = adminKey };
        var seedError = Number(values, "seed", int.MinValue, defaults.Seed, out var seed);
        var profilesError = Number(values, "profiles", 0, defaults.Profiles, out var profiles);
        var openingsError = Number(values, "openings", 0, defaults.Openings, out var openings);
        var centresError = Number(values, "centres", 1, defaults.Centres, out var centres);
        DateOnly? today = null;
        if (values.TryGetValue("today", out var todayText))
        {
            today = DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
            if (today is null)
            {
                return (null, "--today must be a date written yyyy-MM-dd, such as 2026-11-28.");
            }
        }

        if ((seedError ?? profilesError ?? openingsError ?? centresError) is { } error)
        {
            return (null, error);
        }

        return (defaults with
        {
            Seed = seed,
            Profiles = profiles,
            Openings = openings,
            Centres = centres,
            Today = today,
            KeysFile = values.GetValueOrDefault("keys-file") ?? defaults.KeysFile,
        }, null);
    }

    private static string? Number(Dictionary<string, string> values, string name, int min, int fallback, out int number)
    {
        number = fallback;
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number) && number >= min
            ? null
            : $"--{name} must be a whole number{(min > int.MinValue ? $" of at least {min}" : "")}.";
    }
}
