namespace Reintegration.Matching;

/// <summary>Skills and licences compare by meaning, not by spelling: trimmed, lower case, single spaces.</summary>
internal static class Text
{
    public static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static string[] NormaliseAll(IEnumerable<string> texts) =>
        texts.Select(Normalise).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
