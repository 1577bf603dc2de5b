using Reintegration.Functions;
using Reintegration.Functions.Standalone;
using Reintegration.HostEmulator.Emulator;
using Reintegration.HostEmulator.Scenarios;

namespace Reintegration.HostEmulator.Hosting;

/// <summary>The built app, started as the Functions host starts it, speaks the host's protocol.</summary>
public sealed class WorkerProtocolTests
{
    private static readonly FunctionCatalog Standalone = FunctionCatalog.Discover([typeof(AppHosts).Assembly]);

    [Fact]
    public async Task Worker_ReportsItsHttpUri_IndexesAndLoadsExactlyTheFunctionsTheStandaloneHostServes()
    {
        var azurite = await AppSettings.AzuriteAsync();
        await using var host = await FunctionsHostEmulator.StartAsync(AppSettings.For(azurite.ConnectionString));

        Assert.StartsWith("http://", host.Capabilities[FunctionsHostEmulator.HttpUriCapability], StringComparison.Ordinal);
        // The worker sends its own OpenTelemetry, and tells the host not to send the same again.
        Assert.Equal(bool.TrueString, host.Capabilities["WorkerOpenTelemetryEnabled"]);
        var served = Standalone.Http.Select(f => f.Name).Concat(Standalone.Timers.Select(f => f.Name))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(served, host.App.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(served, host.IndexedByWorker.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(served, host.Loaded.Order(StringComparer.Ordinal));
        using var client = host.Client();
        // Health goes through the host to the worker and back: 503 while the new instance's index loads, then 200.
        var ready = await Record.ExceptionAsync(() => Targets.WaitUntilHealthyAsync(client, "worker"));
        Assert.True(ready is null, $"{ready?.Message} {string.Join('\n', host.FailedInvocations)}\n{host.Worker.OutputText}");
    }

    [Fact]
    public async Task Worker_IndexesEachFunctionWithTheEntryPointAndBindingsOfFunctionsMetadata()
    {
        var azurite = await AppSettings.AzuriteAsync();
        await using var host = await FunctionsHostEmulator.StartAsync(AppSettings.For(azurite.ConnectionString));

        foreach (var function in host.App.Functions)
        {
            var indexed = host.IndexedByWorker.Single(f => f.Name == function.Name);
            Assert.Equal((function.ScriptFile, function.EntryPoint), (indexed.ScriptFile, indexed.EntryPoint));
            Assert.Equal(
                function.Bindings.Select(b => (b.Name, b.Type.ToLowerInvariant())).Order(),
                indexed.Bindings.Select(b => (b.Key, b.Value.Type.ToLowerInvariant())).Order());
        }
    }
}
