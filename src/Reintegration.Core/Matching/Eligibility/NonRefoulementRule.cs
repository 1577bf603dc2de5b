namespace Reintegration.Matching.Eligibility;

/// <summary>
/// Rule 2. A refugee is never offered work in their country of citizenship or a country they are
/// recorded as fleeing, unless their profile records voluntary repatriation.
/// </summary>
internal static class NonRefoulementRule
{
    public static bool Bars(Seeker seeker, int country) => seeker.Refoulement[country];
}
