using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;
using Reintegration.IntegrationTests.Hosting;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// The app on the standalone host, on a free loopback port, over real HTTP, with tables of its own
/// (a fresh prefix) in the given Azurite. It serves the app's functions and the test-only ones of this assembly.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(
        Azurite azurite,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? tablePrefix = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Reintegration:Storage"] = azurite.ConnectionString,
            ["Reintegration:TablePrefix"] = tablePrefix ?? NewTablePrefix(),
            ["Logging:LogLevel:Default"] = "Warning",
            [TestTimerFunction.ScheduleSetting] = TestTimerFunction.RareSchedule,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var args = configuration.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var app = StandaloneHost.Build(
            args,
            [typeof(AppServiceCollectionExtensions).Assembly, typeof(TestApp).Assembly],
            (services, config) => services.AddReintegrationApp(config),
            builder =>
            {
                builder.Services.AddSingleton<TestTimerProbe>();
                configureServices?.Invoke(builder.Services);
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestApp(app, new Uri(address));
    }

    /// <summary>A table prefix no other test uses (letters and digits, starting with a letter).</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
