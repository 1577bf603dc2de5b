using Reintegration.Domain;

namespace Reintegration.Demo.Loader;

/// <summary>A stored profile whose matches were asked for, and what came back.</summary>
internal sealed record Probe(string ProfileId, bool HasActiveBan, int Matches);

/// <summary>
/// Chooses the person whose matches the printed curl command shows: one with at least one match,
/// and, where one can be found, with a re-entry ban in force, so that the reasons show the ban.
/// </summary>
internal static class Showcase
{
    /// <summary>How many profiles' matches are asked for at most.</summary>
    public const int MaxProbes = 12;

    /// <summary>
    /// The profiles to probe, in order: up to <see cref="MaxProbes"/> minus a few with a ban in force, then
    /// others, each group in caseload order; a ban alone does not promise a match.
    /// </summary>
    public static IReadOnlyList<(string Id, bool HasActiveBan)> Candidates(IEnumerable<(string Id, Profile Profile)> stored, DateOnly today)
    {
        var all = stored.Select(s => (s.Id, HasActiveBan: s.Profile.Bans.Any(b => b.Until is null || b.Until > today))).ToList();
        return all.Where(c => c.HasActiveBan).Take(MaxProbes - 4)
            .Concat(all.Where(c => !c.HasActiveBan))
            .Take(MaxProbes)
            .ToList();
    }

    /// <summary>Whether probing can stop: the best possible choice is already among the probes.</summary>
    public static bool IsIdeal(Probe probe) => probe.HasActiveBan && probe.Matches > 0;

    /// <summary>The first probe with a ban and a match; else the first with a match; else none.</summary>
    public static Probe? Choose(IEnumerable<Probe> probes)
    {
        var withMatches = probes.Where(p => p.Matches > 0).ToList();
        return withMatches.FirstOrDefault(IsIdeal) ?? withMatches.FirstOrDefault();
    }
}
