namespace Reintegration.Matching;

/// <summary>Skills and licences compare by meaning, not by spelling: trimmed, lower case, single spaces.</summary>
internal static class Text
{
    /// <summary>The normal form; the same string when it is already in it, so that a compiled opening shares its texts.</summary>
    public static string Normalise(string text)
    {
        if (IsNormal(text))
        {
            return text;
        }

        var normal = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return string.Equals(normal, text, StringComparison.Ordinal) ? text : normal;
    }

    /// <summary>The distinct non-empty texts, normalised, in the order first met.</summary>
    public static string[] NormaliseAll(IEnumerable<string> texts)
    {
        // Mostly they are so already: the same array then, not a copy for each of a million openings.
        if (texts is string[] given && AllNormalAndDistinct(given))
        {
            return given;
        }

        // A profile or an opening lists a few skills: a linear search beats hashing them.
        var all = new List<string>();
        foreach (var text in texts)
        {
            var normal = Normalise(text);
            if (normal.Length > 0 && !all.Contains(normal))
            {
                all.Add(normal);
            }
        }

        return [.. all];
    }

    private static bool AllNormalAndDistinct(string[] texts)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i].Length == 0 || !IsNormal(texts[i]) || Array.IndexOf(texts, texts[i], 0, i) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <see cref="Normalise"/> would give the text back unchanged: ASCII without capitals, words
    /// single-spaced, no other white space, none at either end. Most texts are, and need not be split.
    /// </summary>
    private static bool IsNormal(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var space = c == ' ' && (i == 0 || i == text.Length - 1 || text[i - 1] == ' ');
            if (c > '\x7F' || char.IsAsciiLetterUpper(c) || space || (c != ' ' && char.IsWhiteSpace(c)))
            {
                return false;
            }
        }

        return true;
    }
}
