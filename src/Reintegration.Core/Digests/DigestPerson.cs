using Reintegration.Domain;

namespace Reintegration.Digests;

/// <summary>
/// A person on a centre's caseload as a digest run sees them, with what their previous digest
/// recommended and when: those openings come again only if they changed since.
/// </summary>
public sealed record DigestPerson(
    string CentreId,
    string ProfileId,
    Profile Profile,
    IReadOnlySet<string> PreviouslyRecommended,
    DateTimeOffset PreviousDigestAt)
{
    /// <summary>When the profile was first stored: of two equal profiles, the earlier is the person and the later an echo (<see cref="Echoes"/>).</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
