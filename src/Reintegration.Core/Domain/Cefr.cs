namespace Reintegration.Domain;

/// <summary>Common European Framework of Reference levels, ordered so that a higher level compares greater.</summary>
public enum CefrLevel
{
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}

public static class Cefr
{
    /// <summary>Reads "A1".."C2" (case-insensitive); anything else is not a level.</summary>
    public static bool TryParse(string? text, out CefrLevel level)
    {
        level = default;
        if (text is not { Length: 2 } || char.ToUpperInvariant(text[0]) is not ('A' or 'B' or 'C') || text[1] is not ('1' or '2'))
        {
            return false;
        }

        level = (CefrLevel)((char.ToUpperInvariant(text[0]) - 'A') * 2 + (text[1] - '0'));
        return true;
    }

    public static CefrLevel Parse(string text) =>
        TryParse(text, out var level) ? level : throw new FormatException($"'{text}' is not a CEFR level (A1–C2).");
}
