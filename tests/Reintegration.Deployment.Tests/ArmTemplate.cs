using System.Text.Json;

namespace Reintegration.Deployment;

/// <summary>The ARM JSON that `bicep build` compiles infra/main.bicep to, compiled once per test run.</summary>
public sealed class ArmTemplate
{
    private static readonly Lazy<Task<ArmTemplate>> Compiled = new(CompileAsync);

    private ArmTemplate(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static Task<ArmTemplate> GetAsync() => Compiled.Value;

    public IEnumerable<JsonElement> Resources(string type)
    {
        var resources = Root.GetProperty("resources");
        var all = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
        return all.Where(r => r.GetProperty("type").GetString() == type);
    }

    public JsonElement Single(string type) => Resources(type).Single();

    /// <summary>The function app's settings, name to value (an ARM expression or a literal).</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        Single("Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    /// <summary>An expression with each <c>variables('name')</c> of a text variable written out as its value.</summary>
    public string Resolve(string expression) =>
        Root.GetProperty("variables").EnumerateObject()
            .Where(v => v.Value.ValueKind == JsonValueKind.String)
            .Aggregate(expression, (text, v) =>
                text.Replace($"variables('{v.Name}')", $"'{v.Value.GetString()}'", StringComparison.Ordinal));

    private static async Task<ArmTemplate> CompileAsync()
    {
        var (exitCode, output, errors) = await BicepCli.RunAsync("build", BicepCli.MainTemplate, "--stdout");
        Assert.True(exitCode == 0, $"bicep build failed:\n{errors}");
        return new ArmTemplate(JsonDocument.Parse(output).RootElement.Clone());
    }
}
