using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Digests;
using Reintegration.Functions.Digests;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Http;
using Reintegration.Functions.Matches;
using Reintegration.Functions.Routing;
using Reintegration.Functions.Standalone;
using Reintegration.Functions.Telemetry;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;
using Reintegration.Storage;
using Reintegration.Validation;

namespace Reintegration.Functions;

public static class AppServiceCollectionExtensions
{
    public const string ScoringSection = "Reintegration:Scoring";

    /// <summary>
    /// The one pipeline of both modes, called by both branches of Program.cs: the app's services with their
    /// settings checked at start, the service provider checked when it is built (a missing registration
    /// stops the app at start, not at the first request that needs it), and the last line of error handling.
    /// </summary>
    public static TBuilder AddReintegrationApp<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddReintegrationApp(builder.Configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions
        {
            ValidateOnBuild = true,
            ValidateScopes = true,
        }));
        // Problem documents carry the same extensions (traceId) in both modes; what the web server answers
        // itself (a path outside the route prefix, say) reads like the functions' own problems.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? StatusCodes.Status500InternalServerError;
            context.ProblemDetails.Type = Problems.TypeOf(status);
            context.ProblemDetails.Detail ??= status == StatusCodes.Status404NotFound
                ? "Nothing is served here. The API is under /api; every route is listed in /api/openapi.json."
                : ReasonPhrases.GetReasonPhrase(status) + ".";
        });
        builder.Services.AddExceptionHandler<UnhandledExceptionProblem>();
        builder.AddReintegrationTelemetry();
        if (builder is IFunctionsWorkerApplicationBuilder worker)
        {
            // Runs inside the ASP.NET Core integration's own middleware, which writes the result it leaves.
            worker.UseMiddleware<UnhandledExceptionProblem>();
        }

        return builder;
    }

    /// <summary>Everything the functions need, registered the same way under the Functions host and standalone.</summary>
    public static IServiceCollection AddReintegrationApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(ReferenceData.Shared);
        services.AddOptions<ScoringWeights>().Bind(configuration.GetSection(ScoringSection));
        services.AddSingleton(sp => new MatchingEngine(
            sp.GetRequiredService<ReferenceData>(), sp.GetRequiredService<IOptions<ScoringWeights>>().Value));
        services.AddSingleton<OpeningIndex>();
        services.AddSingleton<ProfileValidator>();
        services.AddSingleton<OpeningValidator>();
        services.AddSingleton(sp => new CentreValidator(
            sp.GetRequiredService<ReferenceData>(), sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback));
        services.AddReintegrationStorage(configuration);

        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddSingleton<RateLimits>();
        // Problem documents are written with ASP.NET Core's JSON options: the same encoder as the API's own answers.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(json => json.SerializerOptions.Encoder = ApiJsonContext.Encoder);
        // Polly logs every attempt, and every failed one with its stack trace: an outage would flood the log.
        // Storage failures are told in one line instead (StorageOutageLog in the background, Api per request).
        services.AddLogging(logging => logging.AddFilter("Polly", LogLevel.None));
        // The standalone host registers the catalog of what it serves (tests add their own functions); the worker serves this assembly's.
        services.AddSingleton(sp => new RouteTable((sp.GetService<FunctionCatalog>() ?? FunctionCatalog.Discover([typeof(RouteTable).Assembly])).Http));
        services.AddSingleton<Authenticator>();
        services.AddSingleton<PageTokens>();
        services.AddSingleton<Profiles.ProfileQuotas>();
        services.AddSingleton<Api>();
        services.AddSingleton<Matchmaker>();

        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName));
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddSingleton<DigestComposer>();
        services.AddSingleton(sp => new WebhookConnector(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<DigestRunner>();
        services.AddMetrics();
        services.AddSingleton<AppMetrics>();
        services.AddSettingsValidation();
        return services;
    }
}
