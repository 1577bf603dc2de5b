using System.Text.Json.Nodes;
using Reintegration.Functions.OpenApi;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Clients;

/// <summary>
/// The committed contract and clients are what the generators make of the code today: docs/openapi.json is
/// the document the app serves, and the .NET client and the TypeScript types are generated from it, with the
/// options of scripts/lib.sh. When one fails, run scripts/generate-clients.sh and commit what it changes.
/// </summary>
public sealed class ClientGenerationTests
{
    private const string Regenerate = "run scripts/generate-clients.sh and commit what it changes";
    private static readonly string Document = Path.Combine(RepositoryRoot.Path, "docs", "openapi.json");

    [Fact]
    public async Task CommittedDocument_IsTheOneTheAppServes() =>
        Assert.True(ApiDocument.Json + "\n" == await File.ReadAllTextAsync(Document), $"docs/openapi.json is stale: {Regenerate}.");

    [Fact]
    public async Task CommittedDotnetClient_IsWhatKiotaGeneratesFromTheDocument()
    {
        var output = Directory.CreateTempSubdirectory("reintegration-kiota-").FullName;
        try
        {
            var (exitCode, _, errors) = await Tool.ScriptFunctionAsync("generate_dotnet_client", Document, output);
            Assert.True(exitCode == 0, $"Kiota failed ({exitCode}); scripts/test.sh restores it (dotnet tool restore): {errors}");

            var committed = Path.Combine(RepositoryRoot.Path, "src", "Reintegration.Client", "Generated");
            Assert.Equal(Files(committed), Files(output));
            foreach (var file in Files(committed))
            {
                Assert.True(
                    Comparable(file, Path.Combine(committed, file)) == Comparable(file, Path.Combine(output, file)),
                    $"src/Reintegration.Client/Generated/{file} is stale: {Regenerate}.");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task CommittedTypeScriptTypes_AreWhatOpenapiTypescriptGeneratesFromTheDocument()
    {
        var output = Path.Combine(Path.GetTempPath(), $"reintegration-schema-{Guid.NewGuid():N}.d.ts");
        try
        {
            var (exitCode, _, errors) = await Tool.ScriptFunctionAsync("generate_typescript_types", Document, output);
            Assert.True(exitCode == 0, $"openapi-typescript failed ({exitCode}); scripts/test.sh installs it (npm ci): {errors}");

            var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "web", "src", "api", "schema.d.ts"));
            Assert.True(committed == await File.ReadAllTextAsync(output), $"web/src/api/schema.d.ts is stale: {Regenerate}.");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task StrictTsc_OverTheTypesAndTheirUse_FindsNoError()
    {
        var tsc = Path.Combine(RepositoryRoot.Path, "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), $"{tsc} is missing: scripts/test.sh installs it (npm ci).");

        var (exitCode, output, errors) = await Tool.RunAsync("node", [tsc, "--project", Path.Combine("web", "tsconfig.json")]);

        Assert.True(exitCode == 0, $"tsc found errors:\n{output}{errors}");
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)];

    /// <summary>The file's text; for Kiota's lock file, without the document's path (it depends on where the client was written).</summary>
    private static string Comparable(string name, string path)
    {
        var text = File.ReadAllText(path);
        if (name != "kiota-lock.json")
        {
            return text;
        }

        var lockFile = JsonNode.Parse(text)!.AsObject();
        lockFile.Remove("descriptionLocation");
        return lockFile.ToJsonString();
    }
}
