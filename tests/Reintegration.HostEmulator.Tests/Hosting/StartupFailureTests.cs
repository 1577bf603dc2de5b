using Microsoft.Extensions.DependencyInjection.Extensions;
using Reintegration.Functions;
using Reintegration.HostEmulator.Emulator;
using Reintegration.HostEmulator.Scenarios;
using Reintegration.Storage.Centres;

namespace Reintegration.HostEmulator.Hosting;

/// <summary>A broken app stops at start, in both modes, saying what is wrong.</summary>
public sealed class StartupFailureTests
{
    private const string BadSetting = "Reintegration:Webhook:MaxAttempts";

    [Fact]
    public async Task BadSetting_StopsTheWorkerBeforeItServes_NamingTheSetting()
    {
        var settings = AppSettings.For((await AppSettings.AzuriteAsync()).ConnectionString);
        settings[BadSetting] = "0";

        var failure = await Assert.ThrowsAsync<WorkerStartException>(() => FunctionsHostEmulator.StartAsync(settings));

        Assert.Contains($"{BadSetting} must be at least 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadSetting_StopsTheStandaloneHostBeforeItServes_NamingTheSetting()
    {
        var settings = AppSettings.For((await AppSettings.AzuriteAsync()).ConnectionString);
        settings[BadSetting] = "0";

        var failure = await Assert.ThrowsAsync<WorkerStartException>(() => StandaloneProcess.StartAsync(settings));

        Assert.Contains($"{BadSetting} must be at least 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRegistration_FailsTheWorkerWhenItIsBuilt()
    {
        string[] args = ["--functions-uri", "http://127.0.0.1:1/", "--functions-worker-id", "w", "--functions-request-id", "r",
            .. Settings()];
        using (AppHosts.Worker(args))
        {
            // Whole, the app builds: what fails below fails for the missing registration.
        }

        var failure = Assert.ThrowsAny<Exception>(() => AppHosts.Worker(args, builder => builder.Services.RemoveAll<CentreStore>()));

        Assert.Contains(nameof(CentreStore), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRegistration_FailsTheStandaloneHostWhenItIsBuilt()
    {
        string[] args = ["--urls", "http://127.0.0.1:0", .. Settings()];
        await using (AppHosts.Standalone(args))
        {
        }

        var failure = Assert.ThrowsAny<Exception>(() => AppHosts.Standalone(args, builder => builder.Services.RemoveAll<CentreStore>()));

        Assert.Contains(nameof(CentreStore), failure.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Settings() =>
        AppSettings.For("UseDevelopmentStorage=true").Select(s => $"--{s.Key}={s.Value}");
}
