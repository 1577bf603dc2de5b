namespace Reintegration.Reference;

/// <summary>An ISO 4217 currency with an approximate rate, for comparing wages across countries.</summary>
public sealed record Currency(string Code, string NameEn, string NameRu, decimal UnitsPerUsd)
{
    /// <summary>The citations the rate comes from.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The day the rate was last checked against its sources.</summary>
    public DateOnly? VerifiedOn { get; init; }
}

public sealed class Currencies
{
    private const string FileName = "currencies.json";
    private readonly Dictionary<string, Currency> _byCode;

    internal Currencies(IEnumerable<Currency> currencies) => _byCode = currencies.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<Currency> All => _byCode.Values;

    public Currency? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The amount in US dollars at the seed's reference rate.</summary>
    public decimal ToUsd(decimal amount, string currency) =>
        _byCode.TryGetValue(currency, out var c) ? amount / c.UnitsPerUsd : throw new KeyNotFoundException($"Unknown currency '{currency}'.");

    internal static Currencies Load() => Parse(SeedFiles.ReadText(FileName));

    internal static Currencies Parse(string json)
    {
        var seed = SeedJson.Parse(FileName, json, SeedJsonContext.Default.CurrenciesSeed);
        return new(seed.Currencies.Select(c =>
            c with { Sources = SourcedEntries.Cite(FileName, c.Code, c.Sources, c.VerifiedOn, seed.Sources) }));
    }
}
