using Reintegration.Client.Models;

namespace Reintegration.Demo.Loader;

/// <summary>Created and updated items of one kind, as the upserts answered.</summary>
internal sealed record UpsertTally(int Created, int Updated)
{
    public int Total => Created + Updated;

    public UpsertTally Add(UpsertResponse response) =>
        new(Created + response.Results!.Count(r => r.Created == true), Updated + response.Results!.Count(r => r.Created != true));
}

/// <summary>
/// What a load did: the centres registered, the upserts, one line on this week's digest run (done, or
/// why not), the profile worth showing (null when none of the probed ones had a match), and the first
/// centre's first profile to show instead.
/// </summary>
internal sealed record LoadOutcome(
    IReadOnlyList<RegisteredCentre> Centres,
    UpsertTally Profiles,
    UpsertTally Openings,
    string Digest,
    Probe? Showcase,
    string FirstProfileId,
    TimeSpan Elapsed);
