using System.Text.RegularExpressions;

namespace Reintegration.Validation;

/// <summary>
/// Web addresses, e-mail addresses and phone numbers in free text. An opening a centre publishes may
/// not carry them: every centre's caseworkers read it, and a lure ("apply at evil.example, call +998…")
/// would reach people who trust what the service shows them. The admin's openings (a vetted feed) may.
/// </summary>
internal static partial class ContactRules
{
    public const string Refused =
        "Web addresses, e-mail addresses and phone numbers are not allowed in an opening a centre publishes; "
        + "write the employer's name alone (applications go through the centre).";

    public static void Check(ValidationErrors errors, string path, string? text)
    {
        if (text is not null && (WebAddress().IsMatch(text) || EmailAddress().IsMatch(text) || PhoneNumber().IsMatch(text)))
        {
            errors.Add(path, Refused);
        }
    }

    public static void CheckList(ValidationErrors errors, string path, IReadOnlyList<string> texts)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            Check(errors, $"{path}[{i}]", texts[i]);
        }
    }

    // A scheme, "www.", a host followed by a path, or a host under a top-level domain seen in links to the region.
    [GeneratedRegex(
        @"[a-z][a-z0-9+.-]*://|\bwww\.|\b[a-z0-9-]+(\.[a-z0-9-]+)+/|\b[a-z0-9-]+\.(com|net|org|info|biz|io|me|co|xyz|online|site|top|app|link|click|ru|su|uz|tj|kz|kg|tm|az|am|ge|by|tr|cn|af|pk|ir|ua)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // Seven or more digits in one run, allowing the spaces, dots, dashes and brackets numbers are written with.
    [GeneratedRegex(@"\+?\d(?:[\s().-]*\d){6,}", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
