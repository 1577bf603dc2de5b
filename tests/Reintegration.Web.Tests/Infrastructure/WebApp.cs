using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;

namespace Reintegration.Web.Tests.Infrastructure;

/// <summary>
/// The app on the standalone host, as run.sh starts it (the web app in its wwwroot, the API under /api), on a
/// free loopback port over real HTTP, with tables of its own in the given Azurite.
/// </summary>
public sealed class WebApp : IAsyncDisposable
{
    public const string AdminKey = "ra_web-tests-admin-key";

    private readonly WebApplication _app;

    private WebApp(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<WebApp> StartAsync(Azurite azurite)
    {
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Reintegration:Storage"] = azurite.ConnectionString,
            ["Reintegration:TablePrefix"] = "w" + Guid.NewGuid().ToString("N")[..10],
            ["Reintegration:AdminKey"] = AdminKey,
            ["Reintegration:Index:RefreshInterval"] = "00:00:01",
            // The digest is run by the tests, not by the timer.
            ["Reintegration:DigestSchedule"] = "0 0 0 1 1 *",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = StandaloneHost.Build(
            [.. settings.Select(kv => $"--{kv.Key}={kv.Value}")],
            [typeof(AppServiceCollectionExtensions).Assembly],
            builder => builder.AddReintegrationApp());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new WebApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
