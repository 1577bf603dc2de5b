using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Reintegration.Storage.Profiles;

/// <summary>Bound from <c>Reintegration:Profiles</c>.</summary>
public sealed class ProfileCacheOptions
{
    public const string SectionName = "Reintegration:Profiles";

    /// <summary>
    /// How long an instance matches a profile as it last read it: a change made through another
    /// instance (or an erasure) reaches this one's matches within this. Zero reads every time.
    /// </summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many profiles are kept; when full, expired ones go first, then all.</summary>
    public int Capacity { get; set; } = 100_000;
}

/// <summary>
/// The profiles this instance read lately, each trusted for <see cref="ProfileCacheOptions.CacheFor"/>:
/// a stored profile's matches then cost no storage read while it is asked for again and again. This
/// instance's own writes and erasures take effect at once (<see cref="ProfileStore"/> forgets what it
/// writes); another instance's within the bound. Keeps personal data only in memory, only that long.
/// </summary>
public sealed class ProfileCache(TimeProvider time, IOptions<ProfileCacheOptions> options)
{
    private readonly ConcurrentDictionary<(string Centre, string Id), (StoredProfile Profile, DateTimeOffset Until)> _entries = new();

    public bool TryGet(string centreId, string id, out StoredProfile profile)
    {
        if (_entries.TryGetValue((centreId, id), out var entry) && entry.Until > time.GetUtcNow())
        {
            profile = entry.Profile;
            return true;
        }

        profile = null!;
        return false;
    }

    /// <summary>Keeps a profile read at <paramref name="readAt"/> (before the read began), until then plus the bound.</summary>
    public void Keep(StoredProfile profile, DateTimeOffset readAt)
    {
        var settings = options.Value;
        if (settings.CacheFor <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= settings.Capacity)
        {
            var now = time.GetUtcNow();
            foreach (var expired in _entries.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(expired, out _);
            }

            if (_entries.Count >= settings.Capacity)
            {
                _entries.Clear();
            }
        }

        _entries[(profile.CentreId, profile.Id)] = (profile, readAt + settings.CacheFor);
    }

    public void Forget(string centreId, string id) => _entries.TryRemove((centreId, id), out _);
}
