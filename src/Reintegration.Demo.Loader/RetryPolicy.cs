using System.Globalization;

namespace Reintegration.Demo.Loader;

/// <summary>
/// When to try a request again: after a 503 (waiting what its Retry-After asks, up to
/// <see cref="MaxDelay"/>) or a connection failure (exponential back-off), at most
/// <see cref="MaxAttempts"/> attempts in all. Every other answer is final.
/// </summary>
internal sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as failed (the largest upsert takes a few seconds).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long to wait before the attempt after <paramref name="attempt"/> (1-based), given what the
    /// server's Retry-After asked for, if it sent one; null when it was the last.
    /// </summary>
    public TimeSpan? DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        var backOff = BaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        var delay = retryAfter is { } asked ? (asked < TimeSpan.Zero ? TimeSpan.Zero : asked) : backOff;
        return delay > MaxDelay ? MaxDelay : delay;
    }

    /// <summary>
    /// A Retry-After header's value (RFC 9110 §10.2.3): whole seconds, or an HTTP date counted from
    /// <paramref name="now"/>. Null when absent or unreadable.
    /// </summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }
}
