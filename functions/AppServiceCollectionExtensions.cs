using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Reintegration.Digests;
using Reintegration.Functions.Digests;
using Reintegration.Functions.Http;
using Reintegration.Functions.Matches;
using Reintegration.Functions.Routing;
using Reintegration.Functions.Standalone;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;
using Reintegration.Storage;
using Reintegration.Validation;

namespace Reintegration.Functions;

public static class AppServiceCollectionExtensions
{
    public const string ScoringSection = "Reintegration:Scoring";

    /// <summary>Everything the functions need, registered the same way under the Functions host and standalone.</summary>
    public static IServiceCollection AddReintegrationApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(ReferenceData.Shared);
        services.AddSingleton(sp => new MatchingEngine(
            sp.GetRequiredService<ReferenceData>(),
            configuration.GetSection(ScoringSection).Get<ScoringWeights>() ?? ScoringWeights.Default));
        services.AddSingleton<OpeningIndex>();
        services.AddSingleton<ProfileValidator>();
        services.AddSingleton<OpeningValidator>();
        services.AddSingleton<CentreValidator>();
        services.AddReintegrationStorage(configuration);

        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        // Problem documents are written with ASP.NET Core's JSON options: the same encoder as the API's own answers.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(json => json.SerializerOptions.Encoder = ApiJsonContext.Encoder);
        // Polly logs every attempt, and every failed one with its stack trace: an outage would flood the log.
        // Storage failures are told in one line instead (StorageOutageLog in the background, Api per request).
        services.AddLogging(logging => logging.AddFilter("Polly", LogLevel.None));
        // The standalone host registers the catalog of what it serves (tests add their own functions); the worker serves this assembly's.
        services.AddSingleton(sp => new RouteTable((sp.GetService<FunctionCatalog>() ?? FunctionCatalog.Discover([typeof(RouteTable).Assembly])).Http));
        services.AddSingleton<Authenticator>();
        services.AddSingleton<PageTokens>();
        services.AddSingleton<Api>();
        services.AddSingleton<Matchmaker>();

        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName));
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<DigestRunner>();
        return services;
    }
}
