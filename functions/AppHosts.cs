using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Reintegration.Digests;
using Reintegration.Functions.Digests;
using Reintegration.Functions.Standalone;

namespace Reintegration.Functions;

/// <summary>
/// The app in its two modes, built the same way: as an isolated worker under the Functions host, or on
/// the standalone host. Both call <see cref="AppServiceCollectionExtensions.AddReintegrationApp{TBuilder}"/>.
/// </summary>
public static class AppHosts
{
    /// <param name="args">The command line the Functions host passed (its gRPC endpoint, worker and request ids).</param>
    /// <param name="adjust">Last changes before the host is built (tests).</param>
    public static IHost Worker(string[] args, Action<IHostApplicationBuilder>? adjust = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.AddReintegrationApp();
        adjust?.Invoke(builder);
        return builder.Build();
    }

    /// <param name="args">Command-line arguments (<c>--urls</c> and any configuration).</param>
    /// <param name="adjust">Last changes before the app is built (tests).</param>
    public static WebApplication Standalone(string[] args, Action<IHostApplicationBuilder>? adjust = null) =>
        StandaloneHost.Build(args, [typeof(AppHosts).Assembly], builder =>
        {
            // Under the Functions host, %Reintegration:DigestSchedule% must be an app setting; here it has a default.
            if (string.IsNullOrEmpty(builder.Configuration[DigestOptions.ScheduleSetting]))
            {
                builder.Configuration.AddInMemoryCollection(
                    new Dictionary<string, string?> { [DigestOptions.ScheduleSetting] = DigestOptions.DefaultSchedule });
            }

            // The standalone host runs on a developer's machine, where a webhook receiver is often on it too.
            if (string.IsNullOrEmpty(builder.Configuration[WebhookOptions.AllowLoopbackSetting]))
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [WebhookOptions.AllowLoopbackSetting] = "true" });
            }

            if (AdminKey.GenerateIfUnset(builder.Configuration) is { } generated)
            {
                // Printed, not logged: it is a secret for the person at this terminal, not for log files.
                Console.WriteLine($"Admin key (generated for this run; set Reintegration__AdminKey to choose one): {generated}");
            }

            builder.AddReintegrationApp();
            adjust?.Invoke(builder);
        });
}
