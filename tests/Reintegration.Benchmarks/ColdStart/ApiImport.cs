using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Benchmarks.Harness;
using Reintegration.Domain;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Openings.Snapshots;

namespace Reintegration.Benchmarks.ColdStart;

/// <summary>
/// The setup of the starts from a snapshot where Azurite's table scan is ruled out (it grows with the square of the
/// rows): a first instance, niced, starts on empty storage and takes the openings through its own POST /api/openings
/// (each batch written to the table and the change log and applied to its own index, as the API does), then writes
/// the snapshot on its timer. The starts timed after it read only that snapshot and the change log after it.
/// </summary>
internal static class ApiImport
{
    /// <summary>The API's most items a request (Reintegration:MaxItems).</summary>
    private const int Batch = 500;

    private const int InFlight = 8;

    /// <summary>Takes the openings through a first instance and waits for its snapshot; returns how long it took and its peak memory.</summary>
    public static async Task<(TimeSpan Took, double PeakMb)> RunAsync(
        Progress progress, Dictionary<string, string> common, IReadOnlyList<Opening> openings, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var settings = new Dictionary<string, string>(common)
        {
            // A batch of 500 waits on a loaded Azurite far longer than the product's 5 s budget a request.
            ["Reintegration:StorageResilience:RequestBudget"] = "00:05:00",
            ["Reintegration:StorageResilience:OverallTimeout"] = "00:05:00",
            // A snapshot a minute, not one per 10,000 changes: during an import of a million that would be one at every check.
            ["Reintegration:IndexSnapshot:CheckInterval"] = "00:00:05",
            ["Reintegration:IndexSnapshot:Interval"] = "00:01:00",
            ["Reintegration:IndexSnapshot:AfterChanges"] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
        };
        await using var app = AppProcess.Start(settings, niced: true);
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(10) };
        await ReadyAsync(client, app, timeout);
        client.DefaultRequestHeaders.Add("x-api-key", common["Reintegration:AdminKey"]);
        var posted = 0;
        var importing = Stopwatch.StartNew();
        await Parallel.ForEachAsync(openings.Chunk(Batch), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (chunk, token) =>
        {
            var body = "[" + string.Join(',', chunk.Select(o => JsonSerializer.Serialize(o, ReintegrationJsonContext.Default.Opening))) + "]";
            for (var attempt = 1; ; attempt++)
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/openings", content, token);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }

                // An upsert: sending the batch again is safe.
                if (attempt == 5)
                {
                    var problem = await response.Content.ReadAsStringAsync(token);
                    throw new InvalidOperationException($"POST /api/openings answered {(int)response.StatusCode} five times: {problem}\n{app.Log}");
                }

                await Task.Delay(TimeSpan.FromSeconds(attempt * 2), token);
            }

            var done = Interlocked.Add(ref posted, chunk.Length);
            if (done % 100_000 < chunk.Length)
            {
                progress.Log($"  posted {done:N0} openings in {importing.Elapsed.TotalSeconds:0} s; the first instance's peak {app.PeakMegabytes():N0} MB");
            }
        });
        var imported = TimeProvider.System.GetUtcNow();
        progress.Log($"a first instance took {openings.Count:N0} openings through POST /api/openings in {importing.Elapsed.TotalSeconds:0.0} s");

        // A snapshot whose replay window (the clock-skew allowance, read by the minute) holds none of the import's rows.
        var after = imported + new IndexSyncOptions().ClockSkewAllowance + TimeSpan.FromMinutes(1);
        using var host = ColdStartBenchmark.StorageHost(common);
        var snapshots = host.Services.GetRequiredService<IndexSnapshotStore>();
        while (await snapshots.NewestAsync(default) is not { } newest || newest.CoveredUntil < after)
        {
            if (clock.Elapsed > timeout + importing.Elapsed)
            {
                throw new TimeoutException($"No snapshot after the import was written:\n{app.Log}");
            }

            await Task.Delay(1000);
        }

        var peak = app.PeakMegabytes();
        progress.Log($"it wrote the snapshot {(TimeProvider.System.GetUtcNow() - imported).TotalSeconds:0} s after the import; its peak {peak:N0} MB");
        foreach (var line in app.Log.ToString().Split('\n').Where(l => l.Contains("snapshot", StringComparison.Ordinal)).TakeLast(2))
        {
            progress.Log($"  {line.Trim()}");
        }

        return (clock.Elapsed, peak);
    }

    /// <summary>Waits for the instance's health to say 200 (its index loaded: empty storage), however slowly a niced process answers.</summary>
    private static async Task ReadyAsync(HttpClient client, AppProcess app, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The first instance was not ready within {timeout}:\n{app.Log}");
            }

            await Task.Delay(200);
        }
    }
}
