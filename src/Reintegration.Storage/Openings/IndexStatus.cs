namespace Reintegration.Storage.Openings;

/// <summary>Where this instance's opening index stands: still loading, or ready to serve matches.</summary>
public abstract record IndexStatus;

/// <summary>
/// The index is being loaded from <paramref name="Source"/> ("snapshot" or "table"): <paramref name="Loaded"/>
/// openings so far, of <paramref name="Total"/> when the source says how many there are.
/// </summary>
public sealed record IndexLoading(string Source, int Loaded, int? Total, DateTimeOffset StartedAt) : IndexStatus
{
    /// <summary>When to ask again: the time left at the pace so far when it is known, else a few seconds; between 1 and 30 s.</summary>
    public TimeSpan RetryAfter(DateTimeOffset now)
    {
        var elapsed = now - StartedAt;
        if (Total is not { } total || Loaded <= 0 || elapsed <= TimeSpan.Zero)
        {
            return TimeSpan.FromSeconds(5);
        }

        var left = elapsed * ((double)Math.Max(0, total - Loaded) / Loaded);
        return TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(left.TotalSeconds), 1, 30));
    }
}

/// <summary>
/// The index holds <paramref name="Openings"/> open openings, loaded from <paramref name="LoadedFrom"/>, and
/// every change logged until <paramref name="FreshAt"/> (its last read of the change log).
/// </summary>
public sealed record IndexReady(int Openings, string LoadedFrom, DateTimeOffset FreshAt) : IndexStatus;

/// <summary>A match was asked for while the index is still loading: 503 at once, with when to try again.</summary>
public sealed class IndexLoadingException(IndexLoading status, TimeSpan retryAfter)
    : Exception("The opening index is still loading.")
{
    public IndexLoading Status { get; } = status;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
