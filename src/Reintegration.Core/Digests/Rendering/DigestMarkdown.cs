using System.Globalization;
using System.Text;
using Reintegration.Localisation;

namespace Reintegration.Digests.Rendering;

/// <summary>A digest as Markdown, for e-mail and chat: per person, the openings with score and reasons.</summary>
public static class DigestMarkdown
{
    public static string Render(Digest digest, string centreName, string language)
    {
        var table = Words.For(language);
        var words = table.Digest;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {words.Title}: {Escape(centreName)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{words.Week} {digest.Week} · {words.Generated} {digest.GeneratedAt:yyyy-MM-dd HH:mm} UTC · ");
        text.Append(CultureInfo.InvariantCulture, $"{words.People}: {digest.Entries.Count} · {words.Recommendations}: {digest.Entries.Sum(e => e.Recommendations.Count)}\n");
        foreach (var entry in digest.Entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {Escape(entry.DisplayName)} ({words.Reference} {Escape(entry.ExternalRef)})\n\n");
            if (entry.Recommendations.Count == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{words.NothingNew}\n");
            }

            foreach (var match in entry.Recommendations.Select(r => r.In(table.Code)))
            {
                text.Append(CultureInfo.InvariantCulture, $"- **{Escape(match.Title)}**, {Escape(match.City)} ({match.Country}) — {words.Score} {Bar(match.Score)} {match.Score:0.00}; ");
                text.Append(CultureInfo.InvariantCulture, $"{words.Pathway}: {table.PathwayName(match.Pathway)}{words.CheckedOn(match)}\n");
                foreach (var reason in match.Reasons)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - {Escape(reason)}\n");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Ten blocks, one per tenth of the score.</summary>
    internal static string Bar(double score)
    {
        var filled = (int)Math.Round(Math.Clamp(score, 0, 1) * 10);
        return new string('█', filled) + new string('░', 10 - filled);
    }

    /// <summary>
    /// Characters that would turn an inline value into Markdown syntax (emphasis, code, links, HTML,
    /// tables) are escaped; line breaks become spaces. Values never start a line, so '.', '-' and '#'
    /// cannot start a list or a heading and stay as they are. What a renderer would make a link of by
    /// itself (a scheme's "://", "www.", an e-mail's "@") is broken with an escape too: nothing in a
    /// digest becomes a link that the service did not make one.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }

            if ("\\`*_[]<>|~@".Contains(c)
                || c == ':' && text.AsSpan(i + 1).StartsWith("//")
                || c == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
