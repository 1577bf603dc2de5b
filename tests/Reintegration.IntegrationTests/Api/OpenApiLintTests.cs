using System.Diagnostics;
using System.Text.Json;
using Reintegration.Functions.OpenApi;

namespace Reintegration.IntegrationTests.Api;

/// <summary>The OpenAPI document through Redocly's linter (@redocly/cli, installed from package-lock.json by scripts/test.sh).</summary>
public sealed class OpenApiLintTests
{
    /// <summary>
    /// Warnings the README explains: the project has chosen no licence yet, and health and this document
    /// answer no client error (any key or none is accepted; the only failure is the server's).
    /// </summary>
    private static readonly string[] Explained =
    [
        "info-license #/info",
        "operation-4xx-response #/paths/~1api~1health/get/responses",
        "operation-4xx-response #/paths/~1api~1openapi.json/get/responses",
    ];

    [Fact]
    public async Task RedoclyLint_FindsNoError_AndOnlyTheWarningsTheReadmeExplains()
    {
        var file = Path.Combine(Path.GetTempPath(), $"reintegration-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, ApiDocument.Json);
        try
        {
            var report = await LintAsync(file);

            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => (Severity: p.GetProperty("severity").GetString(), Key: $"{p.GetProperty("ruleId").GetString()} {p.GetProperty("location")[0].GetProperty("pointer").GetString()}"))
                .ToList();
            Assert.DoesNotContain(problems, p => p.Severity == "error");
            Assert.Equal(Explained, problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<JsonElement> LintAsync(string file)
    {
        var cli = Path.Combine(RepositoryRoot.Path, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: scripts/test.sh installs it (npm ci).");
        var start = new ProcessStartInfo("node", [cli, "lint", file, "--format=json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        // Redocly asks its telemetry endpoint otherwise; this machine has no internet.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = await output;
        Assert.True(json.TrimStart().StartsWith('{'), $"redocly printed no report (exit {process.ExitCode}): {await errors}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
