using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Reintegration.Functions.Standalone;

/// <summary>
/// Serves the app's functions without an Azure Functions host: every HTTP-triggered function at its
/// attribute's route under the host.json route prefix, and every timer-triggered function on its
/// schedule. Routes and schedules are read from the functions themselves, never written twice.
/// </summary>
public static class StandaloneHost
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <param name="args">Command-line arguments (<c>--urls</c> and any configuration).</param>
    /// <param name="functionAssemblies">The assemblies whose functions to serve.</param>
    /// <param name="configureApp">The app's own registrations, the same as under the Functions host (and then any test's changes).</param>
    public static WebApplication Build(string[] args, IEnumerable<Assembly> functionAssemblies, Action<WebApplicationBuilder> configureApp)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var catalog = FunctionCatalog.Discover(functionAssemblies);
        builder.Services.AddMvcCore();
        builder.Services.AddProblemDetails();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddHostedService<TimerFunctionScheduler>();
        builder.Services.AddWebAppFiles();
        configureApp(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var routePrefix = RoutePrefix(Path.Combine(AppContext.BaseDirectory, "host.json"));
        app.UseWebAppFiles(routePrefix);
        app.MapHttpFunctions(catalog.Http, routePrefix);
        return app;
    }

    /// <summary>The route prefix of host.json's <c>extensions.http.routePrefix</c>, "api" when unset.</summary>
    internal static string RoutePrefix(string hostJsonPath)
    {
        const string DefaultPrefix = "api";
        if (!File.Exists(hostJsonPath))
        {
            return DefaultPrefix;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            && prefix.ValueKind == JsonValueKind.String
            ? prefix.GetString()!
            : DefaultPrefix;
    }
}
