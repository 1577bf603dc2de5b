using Reintegration.HostEmulator.Emulator;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.HostEmulator.Scenarios;

/// <summary>Starts the built app in either mode over the shared Azurite, behind a proxy the outage scenario cuts.</summary>
public static class Targets
{
    /// <summary>Short retries, so that an outage is answered within seconds; the breaker stays out of the way.</summary>
    private static readonly Dictionary<string, string?> QuickResilience = new()
    {
        ["Reintegration:StorageResilience:RetryBaseDelay"] = "00:00:00.010",
        ["Reintegration:StorageResilience:MaxRetryAttempts"] = "2",
        ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:01",
        ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:03",
        ["Reintegration:StorageResilience:BreakMinimumThroughput"] = "1000",
    };

    public static async Task<IApiTarget> WorkerAsync() =>
        await StartAsync(async settings => new Worker(await FunctionsHostEmulator.StartAsync(settings)));

    public static async Task<IApiTarget> StandaloneAsync() =>
        await StartAsync(async settings => new Standalone(await StandaloneProcess.StartAsync(settings)));

    private static async Task<IApiTarget> StartAsync(Func<Dictionary<string, string?>, Task<Target>> start)
    {
        var azurite = await AppSettings.AzuriteAsync();
        var proxy = TcpProxy.Start(azurite.Port);
        var settings = AppSettings.For(Azurite.ConnectionStringFor(proxy.Port));
        foreach (var (key, value) in QuickResilience)
        {
            settings[key] = value;
        }

        try
        {
            var target = await start(settings);
            target.Proxy = proxy;
            return target;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    private abstract class Target : IApiTarget
    {
        public TcpProxy Proxy { get; set; } = null!;

        public abstract string Mode { get; }

        public abstract HttpClient Client(string? apiKey = null);

        public void CutStorage() => Proxy.Cut();

        public void RestoreStorage() => Proxy.Restore();

        public virtual async ValueTask DisposeAsync() => await Proxy.DisposeAsync();
    }

    private sealed class Worker(FunctionsHostEmulator host) : Target
    {
        public override string Mode => "worker";

        public override HttpClient Client(string? apiKey = null) => host.Client(apiKey);

        public override async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    private sealed class Standalone(StandaloneProcess app) : Target
    {
        public override string Mode => "standalone";

        public override HttpClient Client(string? apiKey = null) => app.Client(apiKey);

        public override async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
