using System.Runtime.InteropServices;

namespace Reintegration.Digests;

/// <summary>
/// Profiles that repeat one another centre stored before them: the same in everything matching reads
/// (all but the reference, the display name and the consent). They are echoes, served after everyone
/// else (<see cref="Allocation.EchoesLast"/>). Equal profiles within one centre are not echoes: two
/// people of a caseload may well look alike, and what one centre uploads of its own is bounded by its quota.
/// </summary>
public static class Echoes
{
    /// <summary>
    /// The profile ids of the echoes among <paramref name="people"/>: in each group of equal profiles, those of
    /// every centre but the one that stored the first.
    /// </summary>
    public static IReadOnlySet<string> Of(IEnumerable<DigestPerson> people)
    {
        // A fingerprint is the one per-person step of a digest run worth spreading over the cores.
        var everyone = people.ToList();
        var fingerprints = OrderedParallel.Select(everyone, p => ProfileFingerprint.Of(p.Profile));
        var alike = new Dictionary<string, List<DigestPerson>>(StringComparer.Ordinal);
        for (var i = 0; i < everyone.Count; i++)
        {
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(alike, fingerprints[i], out _);
            (group ??= []).Add(everyone[i]);
        }

        var echoes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in alike.Values)
        {
            // Only the first's centre matters: of two in one centre stored at once, either is the first. A group within one
            // centre (most are one person) has no one of another centre, so no echo.
            var origin = group[0];
            foreach (var person in group)
            {
                if (person.CreatedAt < origin.CreatedAt
                    || (person.CreatedAt == origin.CreatedAt && string.CompareOrdinal(person.CentreId, origin.CentreId) < 0))
                {
                    origin = person;
                }
            }

            foreach (var person in group)
            {
                if (person.CentreId != origin.CentreId)
                {
                    echoes.Add(person.ProfileId);
                }
            }
        }

        return echoes;
    }
}
