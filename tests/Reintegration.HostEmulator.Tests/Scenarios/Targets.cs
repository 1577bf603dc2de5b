using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reintegration.Functions;
using Reintegration.HostEmulator.Emulator;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.HostEmulator.Scenarios;

/// <summary>Starts the built app in either mode over the shared Azurite, behind a proxy the outage scenario cuts.</summary>
public static class Targets
{
    /// <summary>
    /// Few and short retries, so that an outage (a cut: connections refused) is answered within seconds; the
    /// breaker stays out of the way. Patient with a slow but answering Azurite on a machine loaded by other
    /// builds (at load 80 a 1 s attempt and the 5 s request budget turned ordinary calls into 503s).
    /// </summary>
    private static readonly Dictionary<string, string?> QuickResilience = new()
    {
        ["Reintegration:StorageResilience:RetryBaseDelay"] = "00:00:00.010",
        ["Reintegration:StorageResilience:MaxRetryAttempts"] = "2",
        ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:10",
        ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:20",
        ["Reintegration:StorageResilience:RequestBudget"] = "00:00:30",
        ["Reintegration:StorageResilience:BreakMinimumThroughput"] = "1000",
    };

    /// <summary>How long a started app may take to say it is ready (its index loaded) on a loaded machine.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    public static async Task<IApiTarget> WorkerAsync() =>
        await StartAsync(async settings => new Worker(await FunctionsHostEmulator.StartAsync(settings)));

    public static async Task<IApiTarget> StandaloneAsync() =>
        await StartAsync(async settings => new Standalone(await StandaloneProcess.StartAsync(settings)));

    /// <summary>The standalone host in this process (for tests that look inside it), with the test's last changes.</summary>
    public static async Task<InProcess> InProcessAsync(Action<IHostApplicationBuilder> adjust) =>
        (InProcess)await StartAsync(async settings =>
        {
            settings["urls"] = "http://127.0.0.1:0";
            var app = AppHosts.Standalone([.. settings.Select(s => $"--{s.Key}={s.Value}")], adjust);
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            var address = addresses.Addresses.Single();
            return new InProcess(app, new Uri(address));
        });

    private static async Task<IApiTarget> StartAsync(Func<Dictionary<string, string?>, Task<Target>> start)
    {
        var azurite = await AppSettings.AzuriteAsync();
        var proxy = TcpProxy.Start(azurite.Port);
        var settings = AppSettings.For(Azurite.ConnectionStringFor(proxy.Port));
        foreach (var (key, value) in QuickResilience)
        {
            settings[key] = value;
        }

        Target target;
        try
        {
            target = await start(settings);
            target.Proxy = proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }

        try
        {
            await WaitUntilReadyAsync(target);
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until health answers 200, as a platform does before it routes requests to a new instance:
    /// until its opening index is loaded, an instance answers 503 to health and to matches.
    /// </summary>
    private static async Task WaitUntilReadyAsync(Target target)
    {
        using var client = target.Client();
        await WaitUntilHealthyAsync(client, target.Mode);
    }

    /// <summary>Asks for health until it answers 200; throws with the last answer after <see cref="ReadyTimeout"/>.</summary>
    public static async Task WaitUntilHealthyAsync(HttpClient client, string mode)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var health = await client.GetAsync("/api/health");
            if (health.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return;
            }

            if (clock.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"The {mode} app was not ready after {ReadyTimeout}: {await health.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(100);
        }
    }

    public abstract class Target : IApiTarget
    {
        internal TcpProxy Proxy { get; set; } = null!;

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

    public sealed class InProcess(WebApplication app, Uri address) : Target
    {
        public override string Mode => "standalone";

        public IServiceProvider Services => app.Services;

        public override HttpClient Client(string? apiKey = null)
        {
            var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
            if (apiKey is not null)
            {
                client.DefaultRequestHeaders.Add("x-api-key", apiKey);
            }

            return client;
        }

        public override async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
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
