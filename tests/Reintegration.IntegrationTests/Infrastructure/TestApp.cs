using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;
using Reintegration.IntegrationTests.Hosting;
using Reintegration.Storage.Openings;

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

    public const string AdminKey = "test-admin-key";

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the app and, unless <paramref name="waitForIndex"/> is false, waits until its opening index
    /// is loaded (until then it answers matches and health with 503, as a new instance does).
    /// </summary>
    public static async Task<TestApp> StartAsync(
        Azurite azurite,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? tablePrefix = null,
        bool waitForIndex = true)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Reintegration:Storage"] = azurite.ConnectionString,
            ["Reintegration:TablePrefix"] = tablePrefix ?? NewTablePrefix(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Reintegration:AdminKey"] = AdminKey,
            ["Reintegration:Index:RefreshInterval"] = "00:00:01",
            ["Reintegration:Profiles:RefreshInterval"] = "00:00:01",
            // Patient with a machine loaded by parallel builds; the outage tests set the product's own limits.
            ["Reintegration:HealthProbeTimeout"] = "00:00:05",
            ["Reintegration:StorageResilience:RequestBudget"] = "00:00:30",
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:10",
            [TestTimerFunction.ScheduleSetting] = TestTimerFunction.RareSchedule,
            ["Reintegration:DigestSchedule"] = TestTimerFunction.RareSchedule,
            // The tests' webhook receivers listen on this machine.
            ["Reintegration:Webhook:AllowLoopback"] = "true",
            // Tests send far faster than any centre; the limits' own tests set them.
            ["Reintegration:RateLimit:RequestsPerMinute"] = "0",
            ["Reintegration:RateLimit:WalkInMatchesPerHour"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var args = configuration.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var app = StandaloneHost.Build(
            args,
            [typeof(AppServiceCollectionExtensions).Assembly, typeof(TestApp).Assembly],
            builder =>
            {
                builder.AddReintegrationApp();
                builder.Services.AddSingleton<TestTimerProbe>();
                configureServices?.Invoke(builder.Services);
            });
        await app.StartAsync();
        if (waitForIndex)
        {
            await app.Services.GetRequiredService<IndexSynchronizer>().Loaded.WaitAsync(TimeSpan.FromSeconds(90));
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestApp(app, new Uri(address));
    }

    /// <summary>A client that sends the given API key (or none) on every request.</summary>
    public HttpClient ClientWithKey(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = Client.Timeout };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return client;
    }

    public HttpClient Admin() => ClientWithKey(AdminKey);

    /// <summary>Registers a centre through the API and returns a client holding its key, and its id.</summary>
    public async Task<(HttpClient Client, string Id)> CentreAsync(string name = "Khujand Employment Centre", string country = "TJ", string language = "en", string? webhookUrl = null)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/api/centres", new { name, country, language, webhookUrl });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return (ClientWithKey(body.GetProperty("apiKey").GetString()), body.GetProperty("id").GetString()!);
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
