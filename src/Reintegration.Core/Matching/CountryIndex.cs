using Reintegration.Reference;

namespace Reintegration.Matching;

/// <summary>The region's states numbered 0..n-1, so per-country facts live in arrays.</summary>
internal sealed class CountryIndex
{
    private readonly Dictionary<string, int> _index;

    public CountryIndex(Countries countries)
    {
        Codes = countries.Regional.Select(c => c.Code).ToArray();
        _index = Codes.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
    }

    public string[] Codes { get; }

    public int Count => Codes.Length;

    public int IndexOf(string code) =>
        _index.TryGetValue(code, out var i) ? i : throw new ArgumentException($"'{code}' is not a state of the region.", nameof(code));

    public bool TryIndexOf(string code, out int index) => _index.TryGetValue(code, out index);
}
