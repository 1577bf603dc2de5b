using System.Reflection;
using System.Text.Json;

namespace Reintegration.HostEmulator.Emulator;

/// <summary>One function as the build's functions.metadata lists it: what the Functions host reads to load and route it.</summary>
public sealed record FunctionEntry(string Name, string ScriptFile, string EntryPoint, string Language, IReadOnlyList<BindingEntry> Bindings)
{
    public BindingEntry Trigger =>
        Bindings.Single(b => b.Direction == "In" && b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    public bool IsHttp => Trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A binding of a function: its name, type, direction and every other property, raw.</summary>
public sealed record BindingEntry(string Name, string Type, string Direction, JsonElement Raw)
{
    public string? Property(string name) =>
        Raw.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IReadOnlyList<string> Methods =>
        Raw.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
            ? methods.EnumerateArray().Select(m => m.GetString()!).ToList()
            : [];
}

/// <summary>
/// The built app as the Functions host finds it in its script root: worker.config.json (how to start the
/// worker), functions.metadata (the functions), host.json (the route prefix).
/// </summary>
public sealed record AppDirectory(
    string Path, string Executable, string WorkerPath, IReadOnlyList<FunctionEntry> Functions, string RoutePrefix)
{
    /// <summary>The functions project's build output for this test assembly's configuration.</summary>
    public static AppDirectory OfBuild()
    {
        var configuration = typeof(AppDirectory).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        return Read(System.IO.Path.Combine(RepositoryRoot.Path, "functions", "bin", configuration, "net10.0"));
    }

    public static AppDirectory Read(string path)
    {
        using var workerConfig = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(path, "worker.config.json")));
        var description = workerConfig.RootElement.GetProperty("description");
        using var metadata = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(path, "functions.metadata")));
        var functions = metadata.RootElement.EnumerateArray().Select(f => new FunctionEntry(
            f.GetProperty("name").GetString()!,
            f.GetProperty("scriptFile").GetString()!,
            f.GetProperty("entryPoint").GetString()!,
            f.GetProperty("language").GetString()!,
            f.GetProperty("bindings").EnumerateArray().Select(Binding).ToList())).ToList();
        return new AppDirectory(
            path,
            description.GetProperty("defaultExecutablePath").GetString()!,
            description.GetProperty("defaultWorkerPath").GetString()!,
            functions,
            ReadRoutePrefix(System.IO.Path.Combine(path, "host.json")));
    }

    private static BindingEntry Binding(JsonElement b) =>
        new(b.GetProperty("name").GetString()!, b.GetProperty("type").GetString()!, b.GetProperty("direction").GetString()!, b.Clone());

    private static string ReadRoutePrefix(string hostJson)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };
        using var document = JsonDocument.Parse(File.ReadAllText(hostJson), options);
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? ""
            : "api";
    }
}
