namespace Reintegration.Matching.Eligibility;

/// <summary>
/// Rule 1. A ban bars every country of its ban area (Russia's bars Belarus too) while it is in force
/// on the day the person could start; it ends on its <c>until</c> day, and without one never ends.
/// </summary>
internal static class ReentryBanRule
{
    /// <summary>The ban that bars the opening, or null.</summary>
    public static BanWindow? BarringBan(Seeker seeker, CandidateOpening opening, int today) =>
        BarringBan(seeker, opening.Country, opening.StartDay, today);

    /// <summary>The ban that bars an opening of this country starting on this day, or null.</summary>
    public static BanWindow? BarringBan(Seeker seeker, int country, int openingStartDay, int today)
    {
        var windows = seeker.Bans[country];
        if (windows.Length == 0)
        {
            return null;
        }

        var startDay = seeker.StartDay(openingStartDay, today);
        foreach (var window in windows)
        {
            if (window.InForceOn(startDay))
            {
                return window;
            }
        }

        return null;
    }

    /// <summary>Whether some ban bars every opening of the country, whenever it starts.</summary>
    /// <remarks>Asked for every country of every query: a loop, not a closure allocated per call.</remarks>
    public static bool BarsWholeCountry(Seeker seeker, int country, int today)
    {
        foreach (var window in seeker.Bans[country])
        {
            if (window.IsOpenEnded && window.FromDay <= today)
            {
                return true;
            }
        }

        return false;
    }
}
