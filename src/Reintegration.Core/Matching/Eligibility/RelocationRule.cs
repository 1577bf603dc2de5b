namespace Reintegration.Matching.Eligibility;

/// <summary>
/// Rule 3. Work abroad needs the person's consent to relocate and, where they listed acceptable
/// countries, that country among them.
/// </summary>
internal static class RelocationRule
{
    public static bool Bars(Seeker seeker, int country) => !seeker.WillWorkIn[country];
}
