using System.Runtime.CompilerServices;

namespace Reintegration.Matching.Scoring;

/// <summary>
/// The opening's monthly wage (the middle of its range) against the person's minimum, both in US
/// dollars: 1 at or above it, the squared ratio below. 1 when the person set no minimum; 0.5 when the
/// opening states no wage.
/// </summary>
internal static class WageScore
{
    public const double Unstated = 0.5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Seeker seeker, CandidateOpening opening) => Of(seeker, opening.WageUsd);

    /// <summary>The same, from the opening's wage in US dollars (NaN when it states none), as its index key holds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Seeker seeker, double wageUsd)
    {
        if (double.IsNaN(seeker.MinWageUsd) || seeker.MinWageUsd <= 0)
        {
            return 1;
        }

        if (double.IsNaN(wageUsd))
        {
            return Unstated;
        }

        var ratio = wageUsd / seeker.MinWageUsd;
        return ratio >= 1 ? 1 : ratio * ratio;
    }
}
