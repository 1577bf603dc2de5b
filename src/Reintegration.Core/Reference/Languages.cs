namespace Reintegration.Reference;

public sealed record Language(string Code, string NameEn, string NameRu);

/// <summary>The ISO 639-1 languages.</summary>
public sealed class Languages
{
    private readonly Dictionary<string, Language> _byCode;

    internal Languages(IEnumerable<Language> languages) => _byCode = languages.ToDictionary(l => l.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<Language> All => _byCode.Values;

    public Language? Find(string code) => _byCode.GetValueOrDefault(code);

    internal static Languages Load() =>
        new(SeedFiles.ReadCsv("languages.csv").Select(row => new Language(row["code"], row["name_en"], row["name_ru"])));
}
