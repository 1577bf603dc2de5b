using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Deployment;

/// <summary>
/// The settings the app reads, found from the code itself: every options class the app registers is bound
/// against a configuration that records each key asked for, and every timer's %Setting% is added. Of those,
/// a setting must be set in Azure when its default cannot serve there: a text setting that is unset by
/// default, or that points at the local development storage; and every %Setting% (the host resolves it).
/// </summary>
public sealed partial record CodeSettings(IReadOnlySet<string> Read, IReadOnlySet<string> Required)
{
    public static CodeSettings Discover()
    {
        var configuration = new RecordingSection("");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReintegrationApp(configuration);
        using var provider = services.BuildServiceProvider();
        var read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var required = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var optionsTypes = services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct();
        foreach (var type in optionsTypes)
        {
            configuration.Recorded.Clear();
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            _ = typeof(IOptions<>).MakeGenericType(type).GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
            read.UnionWith(configuration.Recorded);
            // Options that are not bound from configuration (the framework's own) have no setting to require.
            if (configuration.Recorded.Count == 0 || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            var defaults = Activator.CreateInstance(type);
            var texts = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.CanWrite);
            foreach (var property in texts)
            {
                if (property.GetValue(defaults) is null or StorageOptions.DevelopmentStorage)
                {
                    var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
                    required.Add(configuration.Recorded.FirstOrDefault(k => k.EndsWith(":" + key, StringComparison.OrdinalIgnoreCase))
                        ?? throw new InvalidOperationException(
                            $"{type.Name}.{property.Name} was not read as '{key}': read {string.Join(", ", configuration.Recorded)}"));
                }
            }
        }

        foreach (var timer in FunctionCatalog.Discover([typeof(AppHosts).Assembly]).Timers)
        {
            foreach (Match setting in SettingReference().Matches(timer.Schedule))
            {
                read.Add(setting.Groups[1].Value);
                required.Add(setting.Groups[1].Value);
            }
        }

        return new CodeSettings(read, required);
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();

    /// <summary>An empty configuration that notes the path of every section and value asked of it.</summary>
    private sealed class RecordingSection(string path, HashSet<string>? recorded = null, int hops = 0) : IConfigurationSection
    {
        public HashSet<string> Recorded { get; } = recorded ?? new(StringComparer.OrdinalIgnoreCase);

        public string Key => path.Split(':')[^1];

        public string Path => path;

        public string? Value
        {
            get
            {
                Recorded.Add(path);
                return null;
            }

            set => throw new NotSupportedException();
        }

        public string? this[string key]
        {
            get => GetSection(key).Value;
            set => throw new NotSupportedException();
        }

        public IConfigurationSection GetSection(string key)
        {
            var section = new RecordingSection(path.Length == 0 ? key : $"{path}:{key}", Recorded, hops + 1);
            Recorded.Add(section.Path);
            return section;
        }

        // A section the app asks for by name has one nameless child, so that the binder finds it non-empty and asks
        // for each property in it; properties have none, so that they bind as the values they are.
        public IEnumerable<IConfigurationSection> GetChildren() => hops == 1 ? [new RecordingSection($"{path}:", [], hops + 1)] : [];

        public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);
    }
}
