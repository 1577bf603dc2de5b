using System.Reflection;
using System.Text.Json;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;

namespace Reintegration.IntegrationTests.Hosting;

/// <summary>The build's functions.metadata, which the Functions host reads, lists what the standalone host serves.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly FunctionCatalog AppFunctions = FunctionCatalog.Discover([typeof(AppServiceCollectionExtensions).Assembly]);

    [Fact]
    public void Metadata_ListsEveryHttpFunction_WithItsRouteAndMethods()
    {
        var metadata = ReadMetadata();

        Assert.NotEmpty(AppFunctions.Http);
        foreach (var function in AppFunctions.Http)
        {
            var trigger = Trigger(metadata, function.Name);
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal(function.Route, trigger.GetProperty("route").GetString());
            Assert.Equal(function.Methods ?? [], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
        }
    }

    [Fact]
    public void Metadata_ListsEveryTimerFunction_WithItsSchedule()
    {
        var metadata = ReadMetadata();

        foreach (var function in AppFunctions.Timers)
        {
            var trigger = Trigger(metadata, function.Name);
            Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal(function.Schedule, trigger.GetProperty("schedule").GetString());
        }
    }

    [Fact]
    public void Metadata_ListsNothingElse()
    {
        var names = ReadMetadata().EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order();

        Assert.Equal(AppFunctions.Http.Select(f => f.Name).Concat(AppFunctions.Timers.Select(f => f.Name)).Order(), names);
    }

    private static JsonElement Trigger(JsonElement metadata, string name) =>
        metadata.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name)
            .GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");

    private static JsonElement ReadMetadata()
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(RepositoryRoot.Path, "functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"No functions.metadata at {path}: the functions project's build writes it.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }
}
