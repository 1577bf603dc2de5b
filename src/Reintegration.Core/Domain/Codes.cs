using System.Diagnostics.CodeAnalysis;

namespace Reintegration.Domain;

/// <summary>
/// Codes as they are stored, whatever case they were sent in: countries and currencies in upper case
/// (ISO 3166-1, ISO 4217), languages in lower case (ISO 639-1), CEFR levels in upper case. The
/// domain's setters apply these, so every reader (JSON, CSV, code) gets the same canonical value.
/// Only what has a code's shape (two or three ASCII letters or digits) is changed: anything else
/// ("Tajikistan") stays as sent, for the validator to quote back. A code already canonical is kept as
/// the same string, so that texts shared on load (an index snapshot's) stay shared.
/// </summary>
public static class Codes
{
    [return: NotNullIfNotNull(nameof(code))]
    public static string? Upper(string? code) => IsCodeShaped(code) && code.Any(char.IsAsciiLetterLower) ? code.ToUpperInvariant() : code;

    [return: NotNullIfNotNull(nameof(code))]
    public static string? Lower(string? code) => IsCodeShaped(code) && code.Any(char.IsAsciiLetterUpper) ? code.ToLowerInvariant() : code;

    private static bool IsCodeShaped([NotNullWhen(true)] string? code) => code is { Length: 2 or 3 } && code.All(char.IsAsciiLetterOrDigit);

    /// <summary>Each code in upper case; a null item stays null for the validator to report.</summary>
    public static IReadOnlyList<string> Upper(IReadOnlyList<string>? codes) => codes is null ? [] : [.. codes.Select(c => Upper(c)!)];
}
