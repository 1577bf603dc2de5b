using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reintegration.Storage;

namespace Reintegration.Functions;

public static class AppServiceCollectionExtensions
{
    /// <summary>Everything the functions need, registered the same way under the Functions host and standalone.</summary>
    public static IServiceCollection AddReintegrationApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddReintegrationStorage(configuration);
        return services;
    }
}
