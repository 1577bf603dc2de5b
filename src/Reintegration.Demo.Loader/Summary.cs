using System.Globalization;
using System.Text;

namespace Reintegration.Demo.Loader;

/// <summary>The text printed at the end of a load: what was loaded, then the keys and commands.</summary>
internal static class Summary
{
    public static string Render(LoadOutcome outcome, string keys, string keysFile)
    {
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Loaded in {outcome.Elapsed.TotalSeconds:0.0} s: {Count(outcome.Centres.Count, "centre")}; {Count(outcome.Profiles.Total, "profile")} ({outcome.Profiles.Created} created, {outcome.Profiles.Updated} updated); {Count(outcome.Openings.Total, "opening")} ({outcome.Openings.Created} created, {outcome.Openings.Updated} updated)."))
            .AppendLine(outcome.Digest);
        if (outcome.Showcase is null)
        {
            text.AppendLine("None of the probed profiles had a match; the matches command below shows the first profile.");
        }

        return text
            .AppendLine()
            .Append(keys)
            .AppendLine()
            .AppendLine($"(Also written to {keysFile}.)")
            .ToString();
    }

    /// <summary>"1 centre", "2 centres".</summary>
    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
