namespace Reintegration.HostEmulator.Scenarios;

/// <summary>A running app the API scenarios talk to, in one mode or the other, with storage behind a proxy a scenario can cut.</summary>
public interface IApiTarget : IAsyncDisposable
{
    /// <summary>"worker" or "standalone".</summary>
    string Mode { get; }

    HttpClient Client(string? apiKey = null);

    /// <summary>Storage stops answering (connections dropped, new ones refused) until <see cref="RestoreStorage"/>.</summary>
    void CutStorage();

    void RestoreStorage();
}
