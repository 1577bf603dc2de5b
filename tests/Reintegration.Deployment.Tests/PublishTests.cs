using System.Diagnostics;
using System.Text.Json;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;

namespace Reintegration.Deployment;

/// <summary>
/// `dotnet publish functions -c Release`, as `azd deploy` runs it, writes what a Functions host on Flex Consumption loads
/// from a deployment package: for linux-x64, framework-dependent, ReadyToRun.
/// </summary>
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

    [Fact]
    public async Task Publish_IsForLinuxX64_AndUsesThePlansDotNet_AsFlexConsumptionRunsIt()
    {
        var directory = await Published.Value;
        var deps = await ReadJsonAsync("Reintegration.Functions.deps.json");
        var runtimeConfig = (await ReadJsonAsync("Reintegration.Functions.runtimeconfig.json")).GetProperty("runtimeOptions");

        Assert.Equal(".NETCoreApp,Version=v10.0/linux-x64", deps.GetProperty("runtimeTarget").GetProperty("name").GetString());
        Assert.True(runtimeConfig.TryGetProperty("frameworks", out _), "The app must run on the plan's .NET, not ship its own.");
        Assert.False(File.Exists(Path.Combine(directory, "libcoreclr.so")));
    }

    /// <summary>
    /// The deployed app tiers up without profiling (functions/Tiering.props): hot code goes to optimised in one step, which
    /// shortened the digest's first run on a new instance by 1.5-2 s. Its runtimeconfig carries the setting, as the runtime reads it.
    /// </summary>
    [Fact]
    public async Task Publish_TurnsTieredPgoOff_AsTheDigestIsMeasured()
    {
        var options = (await ReadJsonAsync("Reintegration.Functions.runtimeconfig.json")).GetProperty("runtimeOptions")
            .GetProperty("configProperties");

        Assert.False(options.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }

    /// <summary>
    /// The publish above leaves ReadyToRun off (compiling every assembly takes minutes); what `dotnet publish` (which sets
    /// _IsPublishing) compiles is read from the project, which a build must not change (its paths stay RID-less).
    /// </summary>
    [Fact]
    public async Task DotnetPublish_CompilesReadyToRun_ForLinuxX64_WhileABuildKeepsItsOutputPath()
    {
        var publishing = await EvaluateAsync("-p:_IsPublishing=true");
        var building = await EvaluateAsync();

        Assert.Equal("true", publishing.GetProperty("PublishReadyToRun").GetString());
        Assert.Equal("linux-x64", publishing.GetProperty("RuntimeIdentifier").GetString());
        Assert.Equal("false", publishing.GetProperty("SelfContained").GetString());
        Assert.Equal("", building.GetProperty("RuntimeIdentifier").GetString());
        Assert.Equal("bin/Release/net10.0/", building.GetProperty("OutputPath").GetString()!.Replace('\\', '/'));
    }

    /// <summary>The functions project's properties that decide what is published, as MSBuild evaluates them (nothing is built).</summary>
    private static async Task<JsonElement> EvaluateAsync(params string[] properties)
    {
        var project = Path.Combine(RepositoryRoot.Path, "functions", "Reintegration.Functions.csproj");
        var (exitCode, stdout, stderr) = await DotnetAsync(
            ["msbuild", project, "-p:Configuration=Release", .. properties,
             "-getProperty:PublishReadyToRun", "-getProperty:RuntimeIdentifier", "-getProperty:SelfContained", "-getProperty:OutputPath"]);
        Assert.True(exitCode == 0, $"dotnet msbuild failed:\n{stdout}\n{stderr}");
        return JsonDocument.Parse(stdout).RootElement.GetProperty("Properties").Clone();
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
        // As azd deploys it, but without compiling ReadyToRun: that takes minutes, and changes nothing the host reads.
        var (exitCode, stdout, stderr) = await DotnetAsync(
            ["publish", project, "-c", "Release", "-o", output, "--nologo", "-p:PublishReadyToRun=false"]);
        Assert.True(exitCode == 0, $"dotnet publish failed:\n{stdout}\n{stderr}");
        return output;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> DotnetAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
