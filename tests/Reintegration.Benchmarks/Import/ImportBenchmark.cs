using System.Diagnostics;
using Reintegration.Benchmarks.Harness;
using Reintegration.Demo;
using Reintegration.Reference;

namespace Reintegration.Benchmarks.Import;

/// <summary>One measured import by one side: the items it wrote, what that cost, and the items found stored afterwards.</summary>
internal sealed record SideRun(string Side, int Round, int Items, PhaseCost Cost, long Stored)
{
    public double PerSecond => Items / Cost.Elapsed.TotalSeconds;
}

/// <summary>
/// <c>import</c>: the throughput of a bulk profile import through the storage layer (validate, then
/// <c>ProfileStore.UpsertAsync</c> per request of 500, as the API does) against raw Add transactions of
/// 100 entities of the same size, on an Azurite of the benchmark's own. Each round gives each side fresh
/// tables, a warm-up into throwaway partitions, one timed import of every profile, and a count of what
/// was stored (then the tables are deleted); rounds alternate which side goes first (raw first in odd
/// rounds), and the best run of each side counts. Prints
/// progress to standard error, a few figures and then one JSON line to standard output. Exits 1 when a
/// side did not store exactly the profiles it was given. Target (documented, not enforced): layer / raw ≥ 0.8.
/// </summary>
internal static class ImportBenchmark
{
    public static readonly BenchmarkMode Mode = new(
        "import",
        "bulk import throughput through the storage layer against raw Table transactions, on a local Azurite",
        ImportSettings.Options,
        args => Run(ImportSettings.From(args)));

    /// <summary>
    /// Warm-up of each side in each round lasts at least this long, whatever its count: tiered compilation
    /// (here with dynamic PGO, and V8's in Azurite) optimises hot code only after it has run for a while.
    /// With 3 s on a busy two-core machine, the first measured run still spent 4 times the CPU of later ones.
    /// </summary>
    private static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(5);

    private static int Run(ImportSettings settings)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return RunAsync(settings, cancel.Token).GetAwaiter().GetResult();
        }
        catch (AzuriteUnavailableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunAsync(ImportSettings settings, CancellationToken cancellationToken)
    {
        var progress = new Progress();
        using var memory = new PeakMemory();
        using var http = new HttpRequestCounter();
        progress.Log($"import: {settings.Profiles:N0} profiles, {settings.Parallel} in flight, seed {settings.Seed}, warm-up {settings.Warmup:N0}, {settings.Rounds} round(s), today {ImportSettings.Today:yyyy-MM-dd}");

        var starting = Stopwatch.GetTimestamp();
        await using var azurite = await Azurite.StartAsync(cancellationToken);
        progress.Log($"Azurite answers on 127.0.0.1:{azurite.Port} after {Stopwatch.GetElapsedTime(starting).TotalMilliseconds:N0} ms");

        var demo = new DemoData(ReferenceData.Shared, settings.Seed, ImportSettings.Today);
        var workload = progress.Time(
            () => ImportWorkload.Generate(demo, settings.Profiles),
            (w, t) => $"generated {w.Count:N0} profiles in {w.Requests.Count:N0} requests of up to {ImportWorkload.RequestSize} across {w.CentreIds.Count} centres in {t.TotalMilliseconds:N0} ms");
        var rows = progress.Time(() => RawSide.Rows(workload), (r, t) =>
            $"serialized {r.Sum(b => b.Length):N0} profiles for the raw side in {t.TotalMilliseconds:N0} ms ({t.TotalMicroseconds / workload.Count:0.0} µs each, one thread, cold); JSON {r.SelectMany(b => b).Average(x => x.Json.Length):N0} chars on average; {r.Count:N0} transactions; raw shape '{settings.RawShape}'");

        var meter = new CostMeter(http, azurite);

        var runs = new List<SideRun>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var layerFirst = round % 2 == 0;
            for (var turn = 0; turn < 2; turn++)
            {
                var run = layerFirst == (turn == 0)
                    ? await LayerRunAsync(azurite.ConnectionString, workload, settings, round, progress, meter, cancellationToken)
                    : await RawRunAsync(azurite.ConnectionString, rows, workload, settings, round, progress, meter, cancellationToken);
                memory.Sample();
                runs.Add(run);
            }
        }

        var layer = runs.Where(r => r.Side == "layer").MaxBy(r => r.PerSecond)!;
        var raw = runs.Where(r => r.Side == "raw").MaxBy(r => r.PerSecond)!;
        var ratio = layer.PerSecond / raw.PerSecond;
        var stored = runs.Where(r => r.Side == "layer").Min(r => r.Stored);
        var complete = runs.All(r => r.Stored == r.Items);
        foreach (var run in runs)
        {
            var cost = run.Cost;
            Print($"round {run.Round} {run.Side,-5}: {run.Items:N0} in {cost.Elapsed.TotalMilliseconds,6:N0} ms = {run.PerSecond,7:N0}/s; {cost.Requests:N0} HTTP requests; CPU here {cost.ClientCpu.TotalMilliseconds,6:N0} ms, Azurite {cost.ServerCpu.TotalMilliseconds,6:N0} ms; {run.Stored:N0} stored");
        }

        Print($"best of {settings.Rounds}: layer {layer.PerSecond:N0} profiles/s (round {layer.Round}), raw {raw.PerSecond:N0} entities/s (round {raw.Round}); ratio {ratio:0.00} (target ≥ 0.8)");
        Print($"CPU per 1,000 items (least over rounds; here + Azurite): layer {CpuPerThousand(runs, "layer")}, raw {CpuPerThousand(runs, "raw")}");
        if (!complete)
        {
            progress.Log($"INCOMPLETE: a side did not store exactly {workload.Count:N0} items (see the rounds above)");
        }

        new ResultLine()
            .Add("profiles", workload.Count)
            .Add("parallel", settings.Parallel)
            .Add("layerProfilesPerSecond", layer.PerSecond, 1)
            .Add("rawEntitiesPerSecond", raw.PerSecond, 1)
            .Add("ratio", ratio, 2)
            .Add("stored", stored)
            .Add("peakMemoryMb", memory.PeakMegabytes(), 1)
            .Print();
        return complete ? 0 : 1;
    }

    private static async Task<SideRun> LayerRunAsync(
        string connectionString, ImportWorkload workload, ImportSettings settings, int round, Progress progress, CostMeter meter, CancellationToken cancellationToken)
    {
        var prefix = NewTablePrefix();
        await using var side = LayerSide.Create(connectionString, prefix);
        var (warmed, warm) = await meter.MeasureAsync(() => WarmUpAsync(settings.Warmup, async pass =>
        {
            var slice = workload.WarmupSlice(settings.Warmup, pass);
            await side.ImportAsync(slice, settings.Parallel, cancellationToken);
            return slice.Count;
        }));
        progress.Log($"round {round} layer: warmed up with {warmed:N0} profiles in {warm.Elapsed.TotalMilliseconds:N0} ms, {warm.Requests:N0} HTTP requests (table creation included), tables '{prefix}*'");

        var (import, cost) = await meter.MeasureAsync(() => side.ImportAsync(workload, settings.Parallel, cancellationToken));
        var stored = await side.CountAsync(workload.CentreIds, cancellationToken);
        await side.DeleteTablesAsync(cancellationToken);
        progress.Log($"round {round} layer: {workload.Count:N0} profiles in {cost.Elapsed.TotalMilliseconds:N0} ms = {workload.Count / cost.Elapsed.TotalSeconds:N0}/s; {cost.Requests:N0} HTTP requests; {import.Created:N0} reported created; requests spent {import.Validating.TotalMilliseconds:N0} ms validating ({import.Validating.TotalMicroseconds / workload.Count:0.0} µs a profile) and {import.Upserting.TotalMilliseconds:N0} ms upserting; {stored:N0} stored");
        return new SideRun("layer", round, workload.Count, cost, stored);
    }

    private static async Task<SideRun> RawRunAsync(
        string connectionString, List<RawRow[]> rows, ImportWorkload workload, ImportSettings settings, int round, Progress progress, CostMeter meter, CancellationToken cancellationToken)
    {
        var table = NewTablePrefix() + "Raw";
        var side = await RawSide.CreateAsync(connectionString, table, cancellationToken);
        var (warmed, warm) = await meter.MeasureAsync(() => WarmUpAsync(settings.Warmup, pass =>
            side.ImportAsync(RawSide.Transactions(RawSide.Rows(workload.WarmupSlice(settings.Warmup, pass)), settings.RawShape), settings.Parallel, cancellationToken)));
        progress.Log($"round {round} raw  : warmed up with {warmed:N0} entities in {warm.Elapsed.TotalMilliseconds:N0} ms, {warm.Requests:N0} HTTP requests, table '{table}'");

        var transactions = RawSide.Transactions(rows, settings.RawShape);
        var (_, cost) = await meter.MeasureAsync(() => side.ImportAsync(transactions, settings.Parallel, cancellationToken));
        var stored = await side.CountAsync(workload.CentreIds, cancellationToken);
        await side.DeleteTableAsync(cancellationToken);
        progress.Log($"round {round} raw  : {workload.Count:N0} entities in {cost.Elapsed.TotalMilliseconds:N0} ms = {workload.Count / cost.Elapsed.TotalSeconds:N0}/s; {cost.Requests:N0} HTTP requests; {stored:N0} stored");
        return new SideRun("raw", round, workload.Count, cost, stored);
    }

    /// <summary>
    /// Runs warm-up passes (each returns the items it wrote) until at least <paramref name="count"/> items
    /// and <see cref="MinimumWarmup"/> have passed; none when the count is 0. Returns the items written.
    /// </summary>
    private static async Task<int> WarmUpAsync(int count, Func<int, Task<int>> pass)
    {
        if (count == 0)
        {
            return 0;
        }

        var start = Stopwatch.GetTimestamp();
        var done = 0;
        for (var i = 0; done < count || Stopwatch.GetElapsedTime(start) < MinimumWarmup; i++)
        {
            done += await pass(i);
        }

        return done;
    }

    /// <summary>A table prefix no other run uses: "bench" and eight random lower-case letters.</summary>
    private static string NewTablePrefix() =>
        "bench" + string.Create(8, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + Random.Shared.Next(26));
            }
        });

    /// <summary>A side's least CPU per thousand items over its rounds, in this process and in Azurite: steadier than wall-clock time on a busy machine.</summary>
    private static string CpuPerThousand(IEnumerable<SideRun> runs, string side)
    {
        var ofSide = runs.Where(r => r.Side == side).ToList();
        var client = ofSide.Min(r => r.Cost.ClientCpu.TotalMilliseconds * 1000 / r.Items);
        var server = ofSide.Min(r => r.Cost.ServerCpu.TotalMilliseconds * 1000 / r.Items);
        return FormattableString.Invariant($"{client:0.0} + {server:0.0} = {client + server:0.0} ms");
    }

    private static void Print(FormattableString line) => Console.Out.WriteLine(FormattableString.Invariant(line));
}
