namespace Reintegration.Reference;

/// <summary>An ISO 4217 currency with an approximate rate, for comparing wages across countries.</summary>
public sealed record Currency(string Code, string NameEn, string NameRu, decimal UnitsPerUsd);

public sealed class Currencies
{
    private readonly Dictionary<string, Currency> _byCode;

    internal Currencies(IEnumerable<Currency> currencies) => _byCode = currencies.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<Currency> All => _byCode.Values;

    public Currency? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The amount in US dollars at the seed's reference rate.</summary>
    public decimal ToUsd(decimal amount, string currency) =>
        _byCode.TryGetValue(currency, out var c) ? amount / c.UnitsPerUsd : throw new KeyNotFoundException($"Unknown currency '{currency}'.");

    internal static Currencies Load() => new(SeedJson.Read("currencies.json", SeedJsonContext.Default.CurrenciesSeed).Currencies);
}
