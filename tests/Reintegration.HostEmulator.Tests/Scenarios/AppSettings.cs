namespace Reintegration.HostEmulator.Scenarios;

/// <summary>
/// The app settings every test's app runs with: its own tables in Azurite, a known admin key, a schedule
/// that does not fire.
/// </summary>
public static class AppSettings
{
    public const string AdminKey = "emulator-admin-key";

    /// <summary>The first of January: never due while a test runs, whatever today is.</summary>
    public const string RareSchedule = "0 0 0 1 1 *";

    private static readonly Lazy<Task<Azurite>> SharedAzurite = new(async () =>
    {
        var azurite = await Azurite.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.StopAsync().GetAwaiter().GetResult();
        return azurite;
    });

    /// <summary>One Azurite for this test run; tests keep apart with table prefixes of their own.</summary>
    public static Task<Azurite> AzuriteAsync() => SharedAzurite.Value;

    public static Dictionary<string, string?> For(string storageConnectionString, string? schedule = null) => new()
    {
        ["Reintegration:Storage"] = storageConnectionString,
        ["Reintegration:TablePrefix"] = "e" + Guid.NewGuid().ToString("N")[..10],
        ["Reintegration:AdminKey"] = AdminKey,
        ["Reintegration:DigestSchedule"] = schedule ?? RareSchedule,
        ["Reintegration:Index:RefreshInterval"] = "00:00:01",
        // Patient with a machine loaded by parallel builds: health is not what these tests time.
        ["Reintegration:HealthProbeTimeout"] = "00:00:05",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
