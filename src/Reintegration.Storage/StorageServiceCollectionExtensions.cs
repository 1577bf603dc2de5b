using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers Table Storage: options, the client, and the health probe.</summary>
    public static IServiceCollection AddReintegrationStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton(sp => TableServiceClientFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<StorageHealth>();
        return services;
    }
}
