using Reintegration.Storage.Openings;
using Reintegration.Storage.Placements;

namespace Reintegration.Storage.Profiles;

/// <summary>
/// Erases a profile and everything derived from it: its placements, its digest entries, then the profile
/// itself, last, so that an erasure cut short by an outage is finished by sending it again. A position
/// the person took stays taken, and its hire stays on record (<see cref="HireStore"/>: the centre and the
/// time, the person only as a one-way token): erasing the person neither frees it silently nor hides who took it.
/// </summary>
public sealed class ProfileErasure(ProfileStore profiles, PlacementStore placements, IEnumerable<IProfileDerivedData> derived)
{
    /// <summary>False when the centre has no such profile.</summary>
    public async Task<bool> EraseAsync(string centreId, string profileId, CancellationToken cancellationToken)
    {
        if (await profiles.GetAsync(centreId, profileId, cancellationToken) is null)
        {
            return false;
        }

        foreach (var placement in await placements.ForProfileAsync(centreId, profileId, cancellationToken))
        {
            await placements.DeleteAsync(placement, cancellationToken);
        }

        foreach (var data in derived)
        {
            await data.EraseAsync(centreId, profileId, cancellationToken);
        }

        await profiles.DeleteAsync(centreId, profileId, cancellationToken);
        return true;
    }
}

/// <summary>Data kept elsewhere that derives from a profile (digest entries), erased with it.</summary>
public interface IProfileDerivedData
{
    Task EraseAsync(string centreId, string profileId, CancellationToken cancellationToken);
}
