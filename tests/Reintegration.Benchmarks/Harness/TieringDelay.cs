using System.Globalization;

namespace Reintegration.Benchmarks.Harness;

/// <summary>
/// How long the runtime waits after the last new method before it counts calls for tier-up, in this process and in the
/// app it starts: DOTNET_TC_CallCountingDelayMs when set (the app inherits it), else a runtimeconfig setting
/// (System.Runtime.TieredCompilation.CallCountingDelayMs; none of the projects sets one), else the runtime's default.
/// Printed with the figures it shapes, so that a run with the variable set says so.
/// </summary>
internal static class TieringDelay
{
    private const int RuntimeDefaultMs = 100;

    public static int Milliseconds()
    {
        var text = Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs")
            ?? AppContext.GetData("System.Runtime.TieredCompilation.CallCountingDelayMs") as string;
        // Hexadecimal, as the runtime reads both ("0xA" or "a" is 10 ms).
        return text is null
            ? RuntimeDefaultMs
            : int.Parse(text.Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
