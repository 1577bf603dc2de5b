using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Reintegration.Domain;
using Reintegration.Functions.Http;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Profiles;

namespace Reintegration.Functions.Profiles;

/// <summary>
/// Each centre keeps at most its quota of profiles (admin-set; <see cref="CentreOptions.DefaultProfileQuota"/> otherwise):
/// together with the fair-share rule of the digest, this bounds how far one centre's uploads can crowd another's people.
/// Checked per request, so uploads sent at the same moment may pass it by one request's worth.
/// </summary>
public sealed class ProfileQuotas(ProfileStore profiles, IOptions<CentreOptions> options)
{
    /// <summary>Null when the centre may store profiles with these external references; else the problem (409) to answer with.</summary>
    public async Task<IResult?> CheckAsync(Centre centre, IEnumerable<string> externalRefs, CancellationToken cancellationToken)
    {
        var quota = centre.ProfileQuota ?? options.Value.DefaultProfileQuota;
        var existing = await profiles.IdsAsync(centre.Id, cancellationToken);
        var added = externalRefs.Select(r => ProfileStore.IdFor(centre.Id, r)).Distinct(StringComparer.Ordinal).Count(id => !existing.Contains(id));
        return added == 0 || existing.Count + added <= quota
            ? null
            : Problems.Conflict(
                $"This centre may keep at most {quota} profiles; it has {existing.Count}, and this request would add {added}. "
                + "Erase profiles it no longer serves, or ask the admin for a larger quota.");
    }
}
