using System.Collections.Concurrent;

namespace Reintegration.Matching.Explanations;

/// <summary>
/// Lines made once per key and shared by every match they fit, so that a hit allocates nothing and a week's
/// digests hold each line once. The engine lives as long as the API, and keys come from openings and people,
/// so the lines kept are bounded: when about <c>capacity</c> have been made, the cache starts over (a week's run
/// of 20,000 people makes fewer than 10,000 of any kind). Safe across threads: two threads making one key at
/// once both make the line, and both return the one kept.
/// </summary>
internal sealed class SharedLines<TKey>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, string> _lines = new();
    private int _made;

    /// <summary>How many lines are kept now.</summary>
    public int Count => _lines.Count;

    /// <summary>
    /// The line of <paramref name="key"/>, made by <paramref name="make"/> from the key and <paramref name="state"/> when none is kept.
    /// </summary>
    public string For<TState>(TKey key, TState state, Func<TKey, TState, string> make)
    {
        if (_lines.TryGetValue(key, out var line))
        {
            return line;
        }

        if (Interlocked.Increment(ref _made) > capacity)
        {
            _lines.Clear();
            Volatile.Write(ref _made, 1);
        }

        return _lines.GetOrAdd(key, make(key, state));
    }
}
