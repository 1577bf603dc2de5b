using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// The app's tables, named with the configured prefix so that two apps can share one account. They are
/// created on first use (and at start, by <see cref="TableProvisioner"/>): a storage outage at start
/// delays creation instead of stopping the app.
/// </summary>
public sealed class Tables
{
    private readonly StorageCalls _calls;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    public Tables(TableServiceClient service, StorageCalls calls, IOptions<StorageOptions> options)
    {
        _calls = calls;
        var prefix = options.Value.TablePrefix;
        if (prefix.Length > 0 && (!char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 40))
        {
            throw new OptionsValidationException(nameof(StorageOptions.TablePrefix), typeof(StorageOptions),
                ["TablePrefix must start with a letter, hold letters and digits only, and be at most 40 characters."]);
        }

        Centres = service.GetTableClient(prefix + "Centres");
        Profiles = service.GetTableClient(prefix + "Profiles");
        Openings = service.GetTableClient(prefix + "Openings");
        OpeningRefs = service.GetTableClient(prefix + "OpeningRefs");
        OpeningChanges = service.GetTableClient(prefix + "OpeningChanges");
        ProfileChanges = service.GetTableClient(prefix + "ProfileChanges");
        Placements = service.GetTableClient(prefix + "Placements");
        Digests = service.GetTableClient(prefix + "Digests");
        DigestDeliveries = service.GetTableClient(prefix + "DigestDeliveries");
    }

    public TableClient Centres { get; }
    public TableClient Profiles { get; }
    public TableClient Openings { get; }
    public TableClient OpeningRefs { get; }
    public TableClient OpeningChanges { get; }
    public TableClient ProfileChanges { get; }
    public TableClient Placements { get; }
    public TableClient Digests { get; }
    public TableClient DigestDeliveries { get; }

    public IEnumerable<TableClient> All => [Centres, Profiles, Openings, OpeningRefs, OpeningChanges, ProfileChanges, Placements, Digests, DigestDeliveries];

    /// <summary>Creates every table that does not exist yet; after the first success, costs nothing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                foreach (var table in All)
                {
                    await _calls.RunAsync(async token => { await table.CreateIfNotExistsAsync(token); }, cancellationToken);
                }

                _created = true;
            }
        }
        finally
        {
            _creating.Release();
        }
    }
}
