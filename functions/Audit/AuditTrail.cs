using Reintegration.Storage.Infrastructure;

namespace Reintegration.Functions.Audit;

/// <summary>
/// The people one request touched, collected while its function works, for the audit records the
/// request writes before it answers (<see cref="Http.Api.HandleAuditedAsync"/>).
/// </summary>
public sealed class AuditTrail
{
    private readonly List<string> _profiles = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The pseudonymous ids of the people touched, in the order first touched.</summary>
    public IReadOnlyList<string> Profiles => _profiles;

    /// <summary>Notes a person by id; text of another shape names nobody, and the request is recorded without it.</summary>
    public void Touched(string profileId)
    {
        if (StableIds.IsId(profileId) && _seen.Add(profileId))
        {
            _profiles.Add(profileId);
        }
    }

    public void Touched(IEnumerable<string> profileIds)
    {
        foreach (var id in profileIds)
        {
            Touched(id);
        }
    }
}
