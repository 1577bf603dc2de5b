using System.Text;
using System.Text.Json;
using Reintegration.Reference;

namespace Reintegration.Demo.Settings;

/// <summary>
/// Reads seeds/demo.json and seeds/demo-titles.csv, which Reintegration.Core embeds with the other
/// seeds; both are read once and shared.
/// </summary>
internal static class DemoSeeds
{
    private static readonly Lazy<DemoSettings> SettingsInstance = new(() =>
        JsonSerializer.Deserialize(ReadText("demo.json"), DemoSettingsContext.Default.DemoSettings)
        ?? throw new InvalidDataException("demo.json is empty."));

    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> TitlesInstance = new(() => ReadTitles(ReadText("demo-titles.csv")));

    public static DemoSettings Settings => SettingsInstance.Value;

    /// <summary>Job titles per ISCO-08 unit group, as ESCO spells them (lower case).</summary>
    public static IReadOnlyDictionary<string, string[]> Titles => TitlesInstance.Value;

    private static string ReadText(string fileName)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("seeds/" + fileName)
            ?? throw new InvalidOperationException($"Seed file '{fileName}' is not embedded in Reintegration.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Rows "isco,title_en" after the '#' notes and the header; a title may be quoted (RFC 4180).</summary>
    private static Dictionary<string, string[]> ReadTitles(string csv)
    {
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).SkipWhile(l => l.StartsWith('#')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != "isco,title_en")
        {
            throw new InvalidDataException("demo-titles.csv must start with the header 'isco,title_en' after its notes.");
        }

        return lines.Skip(1)
            .Select((line, i) =>
            {
                var comma = line.IndexOf(',', StringComparison.Ordinal);
                if (comma < 1 || comma == line.Length - 1)
                {
                    throw new InvalidDataException($"demo-titles.csv, row {i + 1}: expected 'isco,title_en'.");
                }

                var title = line[(comma + 1)..];
                return (Isco: line[..comma], Title: title.StartsWith('"') && title.EndsWith('"') ? title[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : title);
            })
            .GroupBy(row => row.Isco, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(row => row.Title).ToArray(), StringComparer.Ordinal);
    }
}
