namespace Reintegration.Testing;

/// <summary>The checkout the tests or benchmarks run from, found by walking up to the solution file.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Reintegration.sln")))
            {
                return dir.FullName;
            }
        }

        throw new AzuriteUnavailableException($"No Reintegration.sln above {AppContext.BaseDirectory}: run from a checkout.");
    }
}
