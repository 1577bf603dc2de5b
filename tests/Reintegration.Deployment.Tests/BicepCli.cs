using System.Diagnostics;
using System.Reflection;

namespace Reintegration.Deployment;

/// <summary>The Bicep CLI of the Azure.Bicep.CommandLine.linux-x64 package this project restores.</summary>
public static class BicepCli
{
    public static string MainTemplate => Path.Combine(RepositoryRoot.Path, "infra", "main.bicep");

    private static string Executable
    {
        get
        {
            var package = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "BicepPackage").Value!;
            var path = Path.Combine(package, "tools", "bicep");
            Assert.True(File.Exists(path), $"No Bicep CLI at {path}: restoring this test project downloads it.");
            // Package extraction does not always keep the execute bit (the package is for Linux only).
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }
            return path;
        }
    }

    /// <summary>Runs the CLI; returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, and no look for a newer version: there is no network to reach.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
