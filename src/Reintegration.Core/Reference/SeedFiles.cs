using System.Reflection;
using System.Text;

namespace Reintegration.Reference;

/// <summary>
/// Reads the files of seeds/, embedded in this assembly at build time so that every host (the app,
/// tests, benchmarks) loads the very same data without copying files around.
/// </summary>
internal static class SeedFiles
{
    public static string ReadText(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("seeds/" + fileName)
            ?? throw new InvalidOperationException($"Seed file '{fileName}' is not embedded in Reintegration.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The rows of a seed CSV (RFC 4180 quoting), keyed by the header's column names. Lines that start
    /// with '#' before the header are the file's notes on sources and dates, and are skipped.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string fileName)
    {
        var lines = ReadText(fileName).Split('\n').Select(l => l.TrimEnd('\r')).SkipWhile(l => l.StartsWith('#')).Where(l => l.Length > 0).ToList();
        var header = SplitCsvLine(lines[0]);
        return lines.Skip(1).Select((line, i) =>
        {
            var cells = SplitCsvLine(line);
            if (cells.Count != header.Count)
            {
                throw new FormatException($"{fileName}, row {i + 1}: {cells.Count} cells where the header has {header.Count}.");
            }

            return (IReadOnlyDictionary<string, string>)header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }

    private static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
