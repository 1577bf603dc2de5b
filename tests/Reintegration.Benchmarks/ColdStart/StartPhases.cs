using System.Globalization;
using System.Text.RegularExpressions;
using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.ColdStart;

/// <summary>One timed start: its first served match after the process started, its peak memory, where its time went.</summary>
internal sealed record StartTiming(TimeSpan FirstMatch, double PeakMb, StartPhases? Phases);

/// <summary>
/// Where a start from the snapshot spent its time, in seconds since the process started, from the app's log line on
/// loading (stamped when it was printed) and the client's view: the first HTTP answer, when loading began (the line's
/// stamp less the load's own times), the snapshot read, indexing and the change-log replay, the index loaded, the
/// first match served. What lies before the load's start is the host's start; after the index is loaded, the first
/// match request (the client asks every 20 ms).
/// </summary>
internal sealed partial record StartPhases(
    double FirstAnswer, double LoadStarted, double Read, double Index, double Replay, double Loaded, double FirstMatch)
{
    /// <summary>The phases of a start from the snapshot, or null when the log has no line for its load.</summary>
    public static StartPhases? From(string log, TimeSpan? firstAnswer, TimeSpan firstMatch)
    {
        var match = log.Split('\n').Select(l => LoadedFromSnapshot().Match(l)).FirstOrDefault(m => m.Success);
        if (match is null)
        {
            return null;
        }

        double Number(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var (read, index, replay) = (Number("read") / 1000, Number("index") / 1000, Number("replay") / 1000);
        var loaded = Number("stamp");
        return new StartPhases(
            firstAnswer?.TotalSeconds ?? double.NaN, loaded - read - index - replay, read, index, replay, loaded, firstMatch.TotalSeconds);
    }

    public ResultLine ToResult() => new ResultLine()
        .Add("firstAnswer", FirstAnswer, 2)
        .Add("loadStarted", LoadStarted, 2)
        .Add("read", Read, 2)
        .Add("index", Index, 2)
        .Add("replay", Replay, 2)
        .Add("loaded", Loaded, 2)
        .Add("firstMatch", FirstMatch, 2);

    [GeneratedRegex(@"^\[(?<stamp>[0-9.]+) s\].*Opening index loaded: .*\((?<read>[0-9]+) ms to read, (?<index>[0-9]+) ms to index\)"
        + @" and the change log after it \((?<replay>[0-9]+) ms\)")]
    private static partial Regex LoadedFromSnapshot();
}
