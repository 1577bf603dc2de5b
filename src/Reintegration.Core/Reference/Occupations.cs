namespace Reintegration.Reference;

/// <summary>An ISCO-08 group: 1 digit = major, 2 = sub-major, 3 = minor, 4 = unit group.</summary>
public sealed record Occupation(string Code, int Level, string TitleEn, string TitleRu)
{
    public const int UnitGroupLevel = 4;
}

/// <summary>All 619 ISCO-08 groups, with English and Russian (OKZ, OK 010-2014) titles.</summary>
public sealed class Occupations
{
    private readonly Dictionary<string, Occupation> _byCode;

    internal Occupations(IEnumerable<Occupation> groups)
    {
        All = groups.ToList();
        _byCode = All.ToDictionary(o => o.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<Occupation> All { get; }

    public Occupation? Find(string code) => _byCode.GetValueOrDefault(code);

    public bool IsUnitGroup(string code) => _byCode.TryGetValue(code, out var o) && o.Level == Occupation.UnitGroupLevel;

    internal static Occupations Load() =>
        new(SeedFiles.ReadCsv("occupations.csv").Select(row => new Occupation(
            row["code"], int.Parse(row["level"], System.Globalization.CultureInfo.InvariantCulture), row["title_en"], row["title_ru"])));
}
