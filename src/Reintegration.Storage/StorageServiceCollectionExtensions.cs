using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reintegration.Storage.Audit;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Digests;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Openings.Snapshots;
using Reintegration.Storage.Placements;
using Reintegration.Storage.Profiles;
using Reintegration.Storage.Retention;

namespace Reintegration.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers Table Storage: options, the client, the resilience pipeline, the tables and the stores,
    /// and the background services that create the tables, keep the opening index fresh and write its snapshots. The app
    /// registers the engine's <see cref="Matching.Index.OpeningIndex"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddReintegrationStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddOptions<StorageResilienceOptions>().Bind(configuration.GetSection(StorageResilienceOptions.SectionName));
        services.AddOptions<IndexSyncOptions>().Bind(configuration.GetSection(IndexSyncOptions.SectionName));
        services.AddOptions<IndexSnapshotOptions>().Bind(configuration.GetSection(IndexSnapshotOptions.SectionName));
        services.AddOptions<ProfileCacheOptions>().Bind(configuration.GetSection(ProfileCacheOptions.SectionName));
        services.AddOptions<CentreOptions>().Bind(configuration.GetSection(CentreOptions.SectionName));
        services.AddSingleton(sp => TableServiceClientFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddStorageResilience();
        services.AddSingleton<StorageCalls>();
        services.AddSingleton<Tables>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<StorageOutageLog>();
        services.AddOptions<SigningKeyOptions>().Bind(configuration.GetSection(SigningKeyOptions.SectionName));
        services.AddSingleton<SigningKey>();
        services.AddSingleton<CentreStore>();
        services.AddSingleton<ProfileChangeLog>();
        services.AddSingleton<ProfileCache>();
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<OpeningChangeLog>();
        services.AddSingleton<OpeningStore>();
        services.AddOptions<HireOptions>().Bind(configuration.GetSection(HireOptions.SectionName));
        services.AddSingleton<HireStore>();
        services.AddSingleton<PlacementStore>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<IProfileDerivedData>(sp => sp.GetRequiredService<DigestStore>());
        services.AddSingleton<DigestDeliveryLog>();
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName));
        services.AddSingleton<AuditStore>();
        services.AddSingleton<ProfileErasure>();
        services.AddSingleton<IndexSnapshotStore>();
        services.AddSingleton<IndexSnapshotLoader>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName));
        services.AddSingleton<RetentionSweep>();
        services.AddSingleton<IndexSynchronizer>();
        services.AddSingleton<IndexSnapshotWriter>();
        services.AddHostedService<TableProvisioner>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexSynchronizer>());
        services.AddHostedService(sp => sp.GetRequiredService<IndexSnapshotWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<ProfileCache>());
        return services;
    }
}
