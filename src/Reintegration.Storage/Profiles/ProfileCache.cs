using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;

namespace Reintegration.Storage.Profiles;

/// <summary>Bound from <c>Reintegration:Profiles</c>.</summary>
public sealed class ProfileCacheOptions
{
    public const string SectionName = "Reintegration:Profiles";

    /// <summary>How often an instance reads the profile change log (a change through another instance is dropped within about this).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The bound: a kept profile is matched only while the change log was read within this long, so a change
    /// or an erasure through another instance reaches this one's matches within it, whatever storage does.
    /// Zero keeps nothing: every stored-profile match reads the profile.
    /// </summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A kept profile is read again after this long anyway: the safety net for a change whose log row was lost.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many profiles are kept; when full, the oldest reads go first.</summary>
    public int Capacity { get; set; } = 100_000;
}

/// <summary>
/// The profiles this instance read lately, so that a stored profile's matches cost no storage read while
/// the profile does not change. Kept until the profile change log names them (read every
/// <see cref="ProfileCacheOptions.RefreshInterval"/>), for at most <see cref="ProfileCacheOptions.MaxAge"/>,
/// and trusted only while that log was read within <see cref="ProfileCacheOptions.MaxStaleness"/>. This
/// instance's own writes and erasures take effect at once (<see cref="ProfileStore"/> forgets what it
/// writes). Personal data stays in memory only, and only that long.
/// </summary>
public sealed class ProfileCache(
    ProfileChangeLog changes,
    TimeProvider time,
    IOptions<ProfileCacheOptions> options,
    IOptions<IndexSyncOptions> logs,
    StorageOutageLog outages) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (StoredProfile Profile, DateTimeOffset ReadAt)> _entries = new(StringComparer.Ordinal);

    // When each profile was last forgotten: a read that began before then may be older than the change, and is not kept.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _forgotten = new(StringComparer.Ordinal);

    // Log rows already acted on: read in an earlier round, or written by this instance (which forgot their profiles then).
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _freshTicks = DateTimeOffset.MinValue.UtcTicks;

    public bool TryGet(string centreId, string id, out StoredProfile profile)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (now - new DateTimeOffset(Interlocked.Read(ref _freshTicks), TimeSpan.Zero) <= settings.MaxStaleness
            && _entries.TryGetValue(Token(centreId, id), out var entry) && now - entry.ReadAt <= settings.MaxAge)
        {
            profile = entry.Profile;
            return true;
        }

        profile = null!;
        return false;
    }

    /// <summary>Keeps a profile whose read began at <paramref name="readAt"/>, unless it was forgotten since.</summary>
    public void Keep(StoredProfile profile, DateTimeOffset readAt)
    {
        var settings = options.Value;
        var key = Token(profile.CentreId, profile.Id);
        if (settings.MaxStaleness <= TimeSpan.Zero || _forgotten.TryGetValue(key, out var forgotten) && forgotten >= readAt)
        {
            return;
        }

        if (_entries.Count >= settings.Capacity)
        {
            var oldest = _entries.OrderBy(e => e.Value.ReadAt).Take(Math.Max(1, settings.Capacity / 10)).Select(e => e.Key).ToList();
            foreach (var old in oldest)
            {
                _entries.TryRemove(old, out _);
            }
        }

        _entries[key] = (profile, readAt);
    }

    /// <summary>This instance wrote these profiles: forgets them now (before the write is logged, which may fail).</summary>
    public void Written(string centreId, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            Forget(Token(centreId, id));
        }
    }

    /// <summary>The log rows this instance wrote for its own writes, already acted on: not to forget again when read.</summary>
    public void Logged(IEnumerable<string> rows)
    {
        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            _seen[row] = now;
        }
    }

    /// <summary>How the change log names a profile: a hash of its centre and id, never the id itself.</summary>
    public static string Token(string centreId, string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("profile-change:" + centreId + "/" + id))[..16]);

    private void Forget(string token)
    {
        _forgotten[token] = time.GetUtcNow();
        _entries.TryRemove(token, out _);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var watermark = time.GetUtcNow();
        var pruneAt = watermark + logs.Value.FullReloadInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.RefreshInterval, time, stoppingToken);
                var started = time.GetUtcNow();
                var from = watermark - logs.Value.ClockSkewAllowance;
                foreach (var (row, keys) in await changes.ReadAsync(from, started, stoppingToken))
                {
                    if (_seen.TryAdd(row, started))
                    {
                        foreach (var token in keys)
                        {
                            Forget(token);
                        }
                    }
                }

                Prune(from);
                watermark = started;
                Interlocked.Exchange(ref _freshTicks, started.UtcTicks);
                if (started >= pruneAt)
                {
                    await changes.PruneAsync(started - logs.Value.ChangeLogRetention, stoppingToken);
                    pruneAt = started + logs.Value.FullReloadInterval;
                }

                outages.Available();
            }
            catch (StorageUnavailableException e)
            {
                // Until a read succeeds, what is kept grows stale and stops being trusted after MaxStaleness.
                outages.Unavailable("reading the profile change log", e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Drops what no read can need any more: rows older than the next read's start, and forgettings long past.</summary>
    private void Prune(DateTimeOffset before)
    {
        foreach (var old in _seen.Where(s => s.Value < before).Select(s => s.Key).ToList())
        {
            _seen.TryRemove(old, out _);
        }

        var past = time.GetUtcNow() - TimeSpan.FromMinutes(1) - options.Value.MaxStaleness;
        foreach (var old in _forgotten.Where(f => f.Value < past).Select(f => f.Key).ToList())
        {
            _forgotten.TryRemove(old, out _);
        }
    }
}
