using System.Runtime.CompilerServices;
using Reintegration.Domain;

namespace Reintegration.Matching.Scoring;

/// <summary>The easier the legal route to the job, the better; an employer who sponsors the permit helps.</summary>
internal static class PathwayScore
{
    private const double SponsorshipBonus = 0.2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Pathway pathway, bool permitSponsorship) => pathway switch
    {
        Pathway.Domestic => 1.0,
        Pathway.FreeMovement => 0.8,
        Pathway.WorkPermit => 0.5 + (permitSponsorship ? SponsorshipBonus : 0),
        _ => 0.2 + (permitSponsorship ? SponsorshipBonus : 0),
    };
}
