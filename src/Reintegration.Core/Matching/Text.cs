namespace Reintegration.Matching;

/// <summary>Skills and licences compare by meaning, not by spelling: trimmed, lower case, single spaces.</summary>
internal static class Text
{
    /// <summary>The normal form; the same string when it is already in it, so that a compiled opening shares its texts.</summary>
    public static string Normalise(string text)
    {
        var normal = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return string.Equals(normal, text, StringComparison.Ordinal) ? text : normal;
    }

    public static string[] NormaliseAll(IEnumerable<string> texts) =>
        texts.Select(Normalise).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
