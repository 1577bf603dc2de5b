using System.Globalization;
using Reintegration.Demo;
using Reintegration.Domain;
using Reintegration.Functions.Http;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Benchmarks.Import;

/// <summary>One API request's worth of profiles, all of one centre.</summary>
internal sealed record ImportRequest(string CentreId, IReadOnlyList<Profile> Profiles);

/// <summary>
/// The profiles both sides import, drawn from the demo generator with the settings' seed: the same
/// number (give or take one) from each demo centre, under a fixed 32-hex id per centre (one partition
/// each), cut into requests of the API's maximum size and interleaved centre by centre.
/// </summary>
internal sealed class ImportWorkload
{
    /// <summary>The most items the API takes in one request.</summary>
    public static readonly int RequestSize = new ApiOptions().MaxItems;

    private ImportWorkload(IReadOnlyList<string> centreIds, IReadOnlyList<ImportRequest> requests)
    {
        CentreIds = centreIds;
        Requests = requests;
        Count = requests.Sum(r => r.Profiles.Count);
    }

    /// <summary>The centres' ids: the partitions the import writes, and that are counted afterwards.</summary>
    public IReadOnlyList<string> CentreIds { get; }

    public IReadOnlyList<ImportRequest> Requests { get; }

    public int Count { get; }

    /// <summary>The fixed id of a demo centre, as the app would have given it (32 lower-case hex characters).</summary>
    public static string CentreId(string key) => StableIds.Derive("benchmark-centre", key);

    public static ImportWorkload Generate(DemoData demo, int count)
    {
        var centres = demo.Centres();
        var perCentre = new List<List<ImportRequest>>(centres.Count);
        for (var c = 0; c < centres.Count; c++)
        {
            var share = count / centres.Count + (c < count % centres.Count ? 1 : 0);
            var id = CentreId(centres[c].Key);
            perCentre.Add(demo.Profiles(centres[c], share).Chunk(RequestSize).Select(chunk => new ImportRequest(id, chunk)).ToList());
        }

        var requests = new List<ImportRequest>();
        for (var i = 0; i < perCentre.Max(r => r.Count); i++)
        {
            requests.AddRange(perCentre.Where(r => i < r.Count).Select(r => r[i]));
        }

        return new ImportWorkload(centres.Select(c => CentreId(c.Key)).ToList(), requests);
    }

    /// <summary>
    /// The first <paramref name="count"/> profiles again, all under a throwaway centre of their own for
    /// warm-up pass <paramref name="pass"/>: every pass writes new entities, as the measured import does.
    /// </summary>
    public ImportWorkload WarmupSlice(int count, int pass)
    {
        var id = CentreId(string.Create(CultureInfo.InvariantCulture, $"warm-up-{pass}"));
        var requests = Requests.SelectMany(r => r.Profiles).Take(count).Chunk(RequestSize)
            .Select(chunk => new ImportRequest(id, chunk)).ToList();
        return new ImportWorkload([id], requests);
    }
}
