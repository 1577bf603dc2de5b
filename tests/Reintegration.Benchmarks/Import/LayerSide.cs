using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reintegration.Domain;
using Reintegration.Functions;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Profiles;
using Reintegration.Validation;

namespace Reintegration.Benchmarks.Import;

/// <summary>What one layer import did besides taking time: profiles created, and the time its requests spent validating and upserting (summed over the requests in flight).</summary>
internal sealed record LayerImport(int Created, TimeSpan Validating, TimeSpan Upserting);

/// <summary>
/// The storage layer as the profiles API drives it: the app's services, registered as the functions host
/// registers them (<see cref="AppServiceCollectionExtensions.AddReintegrationApp"/>, with the app's own
/// client options and resilience pipeline), over tables with a prefix of their own; the host's background
/// services are not started. Each request is validated item by item with <see cref="ProfileValidator"/>,
/// as the API does, then written with one <see cref="ProfileStore.UpsertAsync"/>.
/// </summary>
internal sealed class LayerSide : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ProfileStore _store;
    private readonly ProfileValidator _validator;

    private LayerSide(IHost host)
    {
        _host = host;
        _store = host.Services.GetRequiredService<ProfileStore>();
        _validator = host.Services.GetRequiredService<ProfileValidator>();
    }

    public static LayerSide Create(string connectionString, string tablePrefix)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reintegration:Storage"] = connectionString,
            ["Reintegration:TablePrefix"] = tablePrefix,
        });
        builder.Services.AddReintegrationApp(builder.Configuration);
        return new LayerSide(builder.Build());
    }

    /// <summary>Validates and upserts every request, <paramref name="parallel"/> requests at a time.</summary>
    /// <exception cref="InvalidOperationException">A profile failed validation (the demo data should never).</exception>
    public async Task<LayerImport> ImportAsync(ImportWorkload workload, int parallel, CancellationToken cancellationToken)
    {
        long created = 0, validating = 0, upserting = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(workload.Requests, options, async (request, token) =>
        {
            var start = Stopwatch.GetTimestamp();
            var errors = Validate(request.Profiles);
            if (!errors.IsEmpty)
            {
                var (path, messages) = errors.ToDictionary().First();
                throw new InvalidOperationException($"A request of centre {request.CentreId} is invalid ({errors.Count} errors), first at {path}: {messages[0]}");
            }

            var validated = Stopwatch.GetTimestamp();
            var outcomes = await _store.UpsertAsync(request.CentreId, request.Profiles, token);
            Interlocked.Add(ref upserting, Stopwatch.GetTimestamp() - validated);
            Interlocked.Add(ref validating, validated - start);
            Interlocked.Add(ref created, outcomes.Count(o => o.Created));
        });
        return new LayerImport((int)created, Stopwatch.GetElapsedTime(0, validating), Stopwatch.GetElapsedTime(0, upserting));
    }

    /// <summary>How many profiles the centres hold, read back page by page as the API lists them.</summary>
    public async Task<long> CountAsync(IEnumerable<string> centreIds, CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var centreId in centreIds)
        {
            string? token = null;
            do
            {
                var page = await _store.ListAsync(centreId, 1000, token, cancellationToken);
                count += page.Items.Count;
                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        return count;
    }

    /// <summary>Deletes the side's tables, so that Azurite's memory does not grow round after round.</summary>
    public async Task DeleteTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _host.Services.GetRequiredService<Tables>().All)
        {
            await table.DeleteAsync(cancellationToken);
        }
    }

    /// <summary>Disposes the services (the tables stay: <see cref="DeleteTablesAsync"/> removes them).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    /// <summary>The API's checks on an array body: every item, and no external reference twice.</summary>
    private ValidationErrors Validate(IReadOnlyList<Profile> profiles)
    {
        var errors = new ValidationErrors();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            errors.AddRange(_validator.Validate(profiles[i], ImportSettings.Today, $"[{i}]."));
            if (profiles[i] is { ExternalRef.Length: > 0 } item && !seen.TryAdd(item.ExternalRef, i))
            {
                errors.Add($"[{i}].externalRef", $"Repeats the external reference of item {seen[item.ExternalRef]}.");
            }
        }

        return errors;
    }
}
