using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Reintegration.Functions.OpenApi;

namespace Reintegration.IntegrationTests.Api;

/// <summary>docs/api.md, the project's own API reference, stays true to the OpenAPI document the code generates.</summary>
public sealed partial class ApiReferenceTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "api.md"));

    [Fact]
    public void RouteTable_ListsExactlyTheOperationsOfTheOpenApiDocument()
    {
        var documented = OpenApiDocument.Parse(ApiDocument.Json, OpenApiConstants.Json).Document!.Paths
            .SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method} {p.Key}"))
            .Order(StringComparer.Ordinal);

        var listed = RouteRow().Matches(Reference).Select(m => $"{m.Groups["method"].Value} {m.Groups["path"].Value}").Order(StringComparer.Ordinal);

        Assert.Equal(documented, listed);
    }

    [Fact]
    public void Reference_LinksNothingOutsideTheRepository()
    {
        foreach (Match link in RelativeLink().Matches(Reference))
        {
            var target = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "docs", link.Groups["target"].Value.Split('#')[0]));
            Assert.StartsWith(RepositoryRoot.Path, target, StringComparison.Ordinal);
            Assert.True(File.Exists(target) || Directory.Exists(target), $"docs/api.md links {link.Value}, which does not exist");
        }
    }

    [Fact]
    public void NoFileOfTheProject_PointsOutsideTheRepository()
    {
        // Written in two parts, so that this file does not name what it looks for.
        var sharedFolder = "../" + "shared";
        var outside = new List<string>();
        foreach (var file in TrackedFiles())
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, file));
            if (text.Contains(sharedFolder, StringComparison.Ordinal))
            {
                outside.Add(file);
            }
        }

        Assert.Empty(outside);
    }

    private static IEnumerable<string> TrackedFiles()
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", ["-C", RepositoryRoot.Path, "ls-files"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var git = System.Diagnostics.Process.Start(start)!;
        var files = git.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        return files.Where(f => File.Exists(Path.Combine(RepositoryRoot.Path, f)));
    }

    [GeneratedRegex(@"^\| `(?<method>[A-Z]+)` \| `(?<path>/api/[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex RouteRow();

    [GeneratedRegex(@"\]\((?<target>(?!https?:|#)[^)]+)\)")]
    private static partial Regex RelativeLink();
}
