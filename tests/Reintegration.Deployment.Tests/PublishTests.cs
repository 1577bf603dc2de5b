using System.Diagnostics;
using System.Text.Json;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;

namespace Reintegration.Deployment;

/// <summary>`dotnet publish functions -c Release` writes what a Functions host loads from a deployment package.</summary>
public sealed class PublishTests
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);
    private static readonly FunctionCatalog Functions = FunctionCatalog.Discover([typeof(AppHosts).Assembly]);

    /// <summary>Bindings the Functions host serves itself, with no extension to install (HTTP and timers are built in).</summary>
    private static readonly string[] HostBindings = ["httpTrigger", "http", "timerTrigger"];

    [Fact]
    public async Task Publish_WritesFunctionsMetadata_WithEveryFunctionItsBindingsAndRoute()
    {
        var metadata = await ReadJsonAsync("functions.metadata");
        var functions = metadata.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.Equal(Functions.Http.Count + Functions.Timers.Count, functions.Count);
        foreach (var http in Functions.Http)
        {
            var bindings = functions[http.Name].GetProperty("bindings").EnumerateArray().ToList();
            var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "httpTrigger");
            Assert.Equal(http.Route, trigger.GetProperty("route").GetString());
            Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
            Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
            Assert.Equal("Reintegration.Functions.dll", functions[http.Name].GetProperty("scriptFile").GetString());
        }

        foreach (var timer in Functions.Timers)
        {
            var bindings = functions[timer.Name].GetProperty("bindings").EnumerateArray();
            var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "timerTrigger");
            Assert.Equal(timer.Schedule, trigger.GetProperty("schedule").GetString());
        }
    }

    [Fact]
    public async Task Publish_WritesWorkerConfig_NamingTheWorkerItShips()
    {
        var description = (await ReadJsonAsync("worker.config.json")).GetProperty("description");
        var directory = await Published.Value;

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("dotnet", description.GetProperty("defaultExecutablePath").GetString());
        Assert.True(File.Exists(Path.Combine(directory, description.GetProperty("defaultWorkerPath").GetString()!)));
        Assert.Equal("true", description.GetProperty("workerIndexing").GetString());
    }

    [Fact]
    public async Task Publish_ShipsTheExtensionsTheBindingsNeed_TheTimerWorkerExtension_AndHostJson()
    {
        var directory = await Published.Value;
        var extensions = (await ReadJsonAsync("extensions.json")).GetProperty("extensions").EnumerateArray().ToList();
        var bindingTypes = (await ReadJsonAsync("functions.metadata")).EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!))
            .ToHashSet();

        Assert.All(extensions, e => Assert.True(File.Exists(Path.Combine(directory, e.GetProperty("hintPath").GetString()!))));
        Assert.Contains("timerTrigger", bindingTypes);
        Assert.Empty(bindingTypes.Except(HostBindings));
        Assert.True(File.Exists(Path.Combine(directory, "Microsoft.Azure.Functions.Worker.Extensions.Timer.dll")));
        Assert.True(File.Exists(Path.Combine(directory, "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.dll")));
        var host = await ReadJsonAsync("host.json");
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    private static async Task<JsonElement> ReadJsonAsync(string file)
    {
        var path = Path.Combine(await Published.Value, file);
        Assert.True(File.Exists(path), $"The published app has no {file}.");
        return JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.Clone();
    }

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"reintegration-publish-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        };
        var project = Path.Combine(RepositoryRoot.Path, "functions");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
        return output;
    }
}
