using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.Functions.Standalone;

/// <summary>An HTTP-triggered function as its attributes declare it.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string>? Methods, AuthorizationLevel AuthLevel);

/// <summary>A timer-triggered function as its attributes declare it.</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, string Schedule, bool RunOnStartup);

/// <summary>Every function of some assemblies, discovered from their <see cref="FunctionAttribute"/>s.</summary>
public sealed record FunctionCatalog(IReadOnlyList<HttpFunction> Http, IReadOnlyList<TimerFunction> Timers)
{
    public static FunctionCatalog Discover(IEnumerable<Assembly> assemblies)
    {
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        foreach (var method in assemblies.Distinct().SelectMany(FunctionMethods))
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
            var parameters = method.GetParameters();
            if (parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null) is { } httpTrigger)
            {
                http.Add(new HttpFunction(name, method, httpTrigger.Route ?? name, httpTrigger.Methods, httpTrigger.AuthLevel));
            }
            else if (parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null) is { } timerTrigger)
            {
                timers.Add(new TimerFunction(name, method, timerTrigger.Schedule, timerTrigger.RunOnStartup));
            }
            else
            {
                throw new NotSupportedException($"Function '{name}' has a trigger the standalone host does not serve; only HTTP and timer triggers are.");
            }
        }

        var duplicate = http.Select(f => f.Name).Concat(timers.Select(f => f.Name))
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'.");
        }

        return new FunctionCatalog(http, timers);
    }

    private static IEnumerable<MethodInfo> FunctionMethods(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .OrderBy(m => m.DeclaringType!.FullName, StringComparer.Ordinal)
            .ThenBy(m => m.Name, StringComparer.Ordinal);
}
