using System.Diagnostics;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>A command-line tool of the repository (node, bash, dotnet tools), run to its end from the repository root.</summary>
public static class Tool
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Runs a function of scripts/lib.sh, as the project's scripts do.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> ScriptFunctionAsync(string function, params string[] arguments) =>
        RunAsync("bash", ["-c", $"source scripts/lib.sh && {function} \"$@\"", "lib.sh", .. arguments]);
}
