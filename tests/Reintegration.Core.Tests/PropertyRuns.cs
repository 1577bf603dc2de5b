namespace Reintegration.Tests;

/// <summary>
/// How many cases a CsCheck property tries. Every run, CI's included, tries the full count; the mutation script
/// (scripts/mutation.sh) sets <c>REINTEGRATION_PROPERTY_DIVISOR</c> to try a fraction of it, because Stryker runs
/// the properties once for every mutant they reach and the full counts made a run outlast a session.
/// </summary>
internal static class PropertyRuns
{
    private static readonly int Divisor =
        int.TryParse(Environment.GetEnvironmentVariable("REINTEGRATION_PROPERTY_DIVISOR"), out var divisor) && divisor > 1 ? divisor : 1;

    /// <summary><paramref name="count"/> cases, or under the mutation script that divided (at least one).</summary>
    public static long Iter(long count) => Math.Max(1, count / Divisor);
}
