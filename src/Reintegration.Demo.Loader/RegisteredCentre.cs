namespace Reintegration.Demo.Loader;

/// <summary>A centre the loader registered or gave a new key: the answers that show its key, the only times it is shown.</summary>
internal sealed record RegisteredCentre(string Id, string Name, string Country, string ApiKey);
