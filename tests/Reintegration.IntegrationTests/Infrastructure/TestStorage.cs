using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reintegration.Functions;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// The app's services without HTTP (stores, index, background services), over real Azurite tables
/// with a prefix of their own: what storage tests and "second instance" tests need.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly IHost _host;

    private TestStorage(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Fast retries, and a circuit that only opens under a sustained outage, so tests run quickly.</summary>
    public static readonly Dictionary<string, string?> QuickResilience = new()
    {
        ["Reintegration:StorageResilience:RetryBaseDelay"] = "00:00:00.010",
        ["Reintegration:StorageResilience:MaxRetryAttempts"] = "6",
        ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:05",
        ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:20",
        ["Reintegration:StorageResilience:BreakMinimumThroughput"] = "1000",
    };

    public static async Task<TestStorage> StartAsync(
        string connectionString,
        string? tablePrefix = null,
        IDictionary<string, string?>? settings = null,
        bool runBackgroundServices = true,
        Action<IServiceCollection>? configureServices = null)
    {
        var configuration = new Dictionary<string, string?>(QuickResilience)
        {
            ["Reintegration:Storage"] = connectionString,
            ["Reintegration:TablePrefix"] = tablePrefix ?? TestApp.NewTablePrefix(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReintegrationApp(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        if (runBackgroundServices)
        {
            await host.StartAsync();
        }

        return new TestStorage(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
