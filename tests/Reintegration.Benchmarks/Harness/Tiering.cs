using System.Globalization;

namespace Reintegration.Benchmarks.Harness;

/// <summary>
/// How the runtime tiers up code, in this process and in the app it starts: each setting from its DOTNET_ variable when set
/// (the app inherits it), else from this process's runtimeconfig (functions/Tiering.props, which the app's carries too), else
/// the runtime's default. Printed with the figures it shapes, so that a run with a variable set says so.
/// </summary>
internal static class Tiering
{
    private const int DefaultDelayMs = 100;

    /// <summary>How long the runtime waits after the last new method before it counts calls for tier-up.</summary>
    public static int CallCountingDelayMs()
    {
        var text = Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs")
            ?? AppContext.GetData("System.Runtime.TieredCompilation.CallCountingDelayMs") as string;
        // Hexadecimal, as the runtime reads both ("0xA" or "a" is 10 ms).
        return text is null
            ? DefaultDelayMs
            : int.Parse(text.Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether hot code is compiled with counters first, to be optimised with the profile they gather (on by default).</summary>
    public static bool TieredPgo()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_TieredPGO") is { } variable)
        {
            return variable.Trim() != "0";
        }

        return AppContext.GetData("System.Runtime.TieredPGO") is not { } setting
            || !string.Equals(setting.ToString(), "false", StringComparison.OrdinalIgnoreCase);
    }
}
