using System.Text.Json;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Demo.Tests;

/// <summary>
/// seeds/demo.json read on its own, as the embedded resource, so that the tests hold the generator to
/// the documented numbers rather than to its own reading of them.
/// </summary>
internal static class DemoJson
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly Lazy<JsonDocument> Document = new(() =>
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("seeds/demo.json")
            ?? throw new InvalidOperationException("seeds/demo.json is not embedded in Reintegration.Core.");
        return JsonDocument.Parse(stream);
    });

    private static readonly Lazy<DemoData> DefaultData = new(() => new DemoData(ReferenceData.Shared, 2026, Today));

    private static readonly Lazy<IReadOnlyList<(DemoCentre Centre, Profile Profile)>> LargeProfiles = new(() =>
        DefaultData.Value.Centres().SelectMany(c => DefaultData.Value.Profiles(c, 6_000).Select(p => (c, p))).ToList());

    private static readonly Lazy<IReadOnlyList<Opening>> LargeOpenings = new(() => DefaultData.Value.Openings(60_000));

    public static JsonElement Root => Document.Value.RootElement;

    /// <summary>6,000 profiles per centre, seed 2026.</summary>
    public static IReadOnlyList<(DemoCentre Centre, Profile Profile)> ManyProfiles => LargeProfiles.Value;

    /// <summary>60,000 openings, seed 2026.</summary>
    public static IReadOnlyList<Opening> ManyOpenings => LargeOpenings.Value;

    public static JsonElement At(string path) =>
        path.Split('.').Aggregate(Root, (element, name) => element.GetProperty(name));

    public static double Number(string path) => At(path).GetDouble();

    /// <summary>A weights object as shares that add up to 1.</summary>
    public static Dictionary<string, double> Shares(string path)
    {
        var weights = At(path).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        var total = weights.Values.Sum();
        return weights.ToDictionary(w => w.Key, w => w.Value / total, StringComparer.Ordinal);
    }

    public static IReadOnlyList<string> Titles(string isco)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("seeds/demo-titles.csv")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Where(l => l.StartsWith(isco + ",", StringComparison.Ordinal))
            .Select(l => l[(isco.Length + 1)..].Trim('"')).ToList();
    }
}
