using System.Globalization;
using System.Net;
using System.Text;
using Reintegration.Localisation;

namespace Reintegration.Digests.Rendering;

/// <summary>
/// A digest as a clean, printable HTML page a centre manager reads: per person, the openings with a
/// score bar, the pathway and the reasons. Every value is HTML-encoded; the page loads nothing external.
/// </summary>
public static class DigestHtml
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 56rem; color: #1d2330; line-height: 1.4; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        .meta { color: #5a6275; margin-bottom: 1.5rem; }
        section.person { border-top: 1px solid #d8dce5; padding-top: .8rem; margin-top: 1.2rem; page-break-inside: avoid; }
        h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
        h2 small { color: #5a6275; font-weight: normal; }
        .opening { margin: .6rem 0 .9rem; }
        .head { display: flex; gap: .8rem; align-items: baseline; flex-wrap: wrap; }
        .title { font-weight: 600; }
        .bar { display: inline-block; width: 8rem; height: .6rem; background: #e6e9f0; border-radius: .3rem; overflow: hidden; vertical-align: middle; }
        .bar span { display: block; height: 100%; background: #2f7d4f; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .score { font-variant-numeric: tabular-nums; }
        .pathway { color: #5a6275; }
        ul.reasons { margin: .3rem 0 0 1.1rem; padding: 0; color: #333a48; font-size: .92rem; }
        .none { color: #5a6275; font-style: italic; }
        @media print { body { margin: 0; } }
        """;

    public static string Render(Digest digest, string centreName, string language)
    {
        var table = Words.For(language);
        var words = table.Digest;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{table.Code}\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(words.Title)} — {E(centreName)} — {E(digest.Week)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(words.Title)}: {E(centreName)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(words.Week)} {E(digest.Week)} · {E(words.Generated)} {digest.GeneratedAt:yyyy-MM-dd HH:mm} UTC · ");
        html.Append(CultureInfo.InvariantCulture, $"{E(words.People)}: {digest.Entries.Count} · {E(words.Recommendations)}: {digest.Entries.Sum(e => e.Recommendations.Count)}</p>\n");
        foreach (var entry in digest.Entries)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"person\">\n<h2>{E(entry.DisplayName)} <small>{E(words.Reference)} {E(entry.ExternalRef)}</small></h2>\n");
            if (entry.Recommendations.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"none\">{E(words.NothingNew)}</p>\n");
            }

            foreach (var match in entry.Recommendations.Select(r => r.In(table.Code)))
            {
                var percent = Math.Round(Math.Clamp(match.Score, 0, 1) * 100);
                html.Append("<div class=\"opening\">\n<div class=\"head\">");
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"title\">{E(match.Title)}</span> <span>{E(match.City)}, {E(match.Country)}</span> ");
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"bar\" role=\"img\" aria-label=\"{E(words.Score)} {match.Score:0.00}\"><span style=\"width:{percent}%\"></span></span> ");
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"score\">{match.Score:0.00}</span> ");
                var pathway = table.PathwayName(match.Pathway) + words.CheckedOn(match);
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"pathway\">{E(words.Pathway)}: {E(pathway)}</span>");
                html.Append("</div>\n<ul class=\"reasons\">\n");
                foreach (var reason in match.Reasons)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(reason)}</li>\n");
                }

                html.Append("</ul>\n</div>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
