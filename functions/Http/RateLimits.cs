using Microsoft.Extensions.Options;

namespace Reintegration.Functions.Http;

/// <summary>
/// Fixed windows per key and kind of request, on the injected clock, kept by each instance for itself:
/// with n instances a key may get up to n times the limit, which still bounds a runaway client or a
/// stolen key's scraping. A refused request says when the window ends.
/// </summary>
public sealed class RateLimits(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly Dictionary<(string Key, string Kind), (long Ends, int Count)> _windows = [];
    private readonly Lock _lock = new();
    private long _pruned;

    /// <summary>Null when the request may go on; otherwise how long until the key's window opens again.</summary>
    public TimeSpan? Take(string key) => Take(key, "request", options.Value.RequestsPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>As <see cref="Take(string)"/>, for a match of a walk-in profile.</summary>
    public TimeSpan? TakeWalkIn(string key) => Take(key, "walk-in", options.Value.WalkInMatchesPerHour, TimeSpan.FromHours(1));

    private TimeSpan? Take(string key, string kind, int limit, TimeSpan length)
    {
        if (limit <= 0)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcTicks;
        var ends = ((now / length.Ticks) + 1) * length.Ticks;
        lock (_lock)
        {
            Prune(now);
            var (current, count) = _windows.GetValueOrDefault((key, kind));
            count = current == ends ? count : 0;
            if (count >= limit)
            {
                return TimeSpan.FromTicks(ends - now);
            }

            _windows[(key, kind)] = (ends, count + 1);
            return null;
        }
    }

    /// <summary>Drops the windows that have ended, once an hour, so that keys seen once do not stay.</summary>
    private void Prune(long now)
    {
        if (now - _pruned < TimeSpan.TicksPerHour)
        {
            return;
        }

        _pruned = now;
        foreach (var entry in _windows.Where(e => e.Value.Ends <= now).ToList())
        {
            _windows.Remove(entry.Key);
        }
    }
}
