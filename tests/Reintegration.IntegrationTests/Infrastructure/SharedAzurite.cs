namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// The Azurite that most tests share, started once per test run. Tests keep out of each other's way
/// with a table prefix of their own; tests that stop storage start an <see cref="Azurite"/> of their own.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<Azurite>> Instance = new(StartAsync);

    public static Task<Azurite> GetAsync() => Instance.Value;

    private static async Task<Azurite> StartAsync()
    {
        var azurite = await Azurite.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.StopAsync().GetAwaiter().GetResult();
        return azurite;
    }
}
