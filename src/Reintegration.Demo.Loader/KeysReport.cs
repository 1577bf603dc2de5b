using System.Text;

namespace Reintegration.Demo.Loader;

/// <summary>
/// What a person needs to try the loaded service: the app's address without a trailing slash (e.g.
/// http://127.0.0.1:7071), its keys, and the profile (of the first centre) whose matches are shown.
/// </summary>
internal sealed record DemoKeys(string BaseUrl, string AdminKey, IReadOnlyList<RegisteredCentre> Centres, string ShowcaseProfileId);

internal static class KeysReport
{
    public static string Render(DemoKeys keys)
    {
        var centre = keys.Centres[0];
        var text = new StringBuilder()
            .AppendLine($"The caseworker's web app: {keys.BaseUrl}/ (sign in with a centre key; the admin key opens the admin pages)")
            .AppendLine($"Admin key: {keys.AdminKey}")
            .AppendLine("Centre keys:");
        foreach (var c in keys.Centres)
        {
            text.AppendLine($"  {c.Name} ({c.Country}): {c.ApiKey}");
        }

        return text
            .AppendLine()
            .AppendLine("# Is the service up?")
            .AppendLine($"curl -s {keys.BaseUrl}/api/health")
            .AppendLine($"# One person's matches at {centre.Name}, with the reasons:")
            .AppendLine($"curl -s -H \"x-api-key: {centre.ApiKey}\" \"{keys.BaseUrl}/api/profiles/{keys.ShowcaseProfileId}/matches?top=3&explain=true\"")
            .AppendLine($"# The centre's latest weekly digest:")
            .AppendLine($"curl -s -H \"x-api-key: {centre.ApiKey}\" \"{keys.BaseUrl}/api/digests/latest/markdown\"")
            .ToString();
    }
}
