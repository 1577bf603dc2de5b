using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Openings;

/// <summary>
/// Positions taken and given back. A hire is a row in its opening's partition, keyed
/// "{opening id}|hire|{person token}-{ticks}", written in one transaction with the opening's filled
/// count (conditional on its ETag), so that concurrent hires never take more positions than exist and
/// every position taken has its row. The row holds the centre and the time, and names the person only
/// by a one-way token: it stays when the person is erased, and the opening's publisher (or the admin)
/// can see who took its positions and give one back. A centre's hires of others' openings are bounded
/// per opening and per day (<see cref="HireOptions"/>), so one key cannot drain a region's openings.
/// </summary>
public sealed class HireStore(Tables tables, StorageCalls calls, TimeProvider time, OpeningStore openings, OpeningChangeLog changes, IOptions<HireOptions> options)
{
    private const int MaxAttempts = 40;

    /// <summary>Takes one position of the opening for the person <paramref name="personToken"/> stands for, at most one at a time.</summary>
    public async Task<OpeningWrite<HireOutcome>> HireAsync(string openingId, string centreId, string personToken, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var reservedDay = (string?)null;
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (await openings.GetAsync(openingId, cancellationToken) is not { } opening)
                {
                    return new(HireOutcome.NotFound, OpeningChanges.None);
                }

                var rows = await RowsAsync(opening, cancellationToken);
                if (rows.Any(r => IsActive(r) && r.GetString("PersonToken") == personToken))
                {
                    // Perhaps our own hire, whose answer was lost: spreading it again costs nothing.
                    await changes.RecordAsync([openingId], cancellationToken);
                    return new(HireOutcome.AlreadyHired, OpeningChanges.Of(opening));
                }

                if (opening.Closed || opening.Unfilled <= 0)
                {
                    return new(HireOutcome.NoPositionLeft, OpeningChanges.None);
                }

                var foreign = opening.PublisherId != centreId;
                if (foreign && rows.Count(r => IsActive(r) && r.GetString("CentreId") == centreId) >= limits.MaxOfForeignOpening(opening.Opening.Positions))
                {
                    return new(HireOutcome.LimitPerOpening, OpeningChanges.None);
                }

                if (foreign && reservedDay is null)
                {
                    var day = Day(time.GetUtcNow());
                    if (!await AdjustDailyAsync(centreId, day, +1, limits.MaxForeignPerDay, cancellationToken))
                    {
                        return new(HireOutcome.LimitPerDay, OpeningChanges.None);
                    }

                    reservedDay = day;
                }

                var now = time.GetUtcNow();
                var country = opening.Opening.Location.Country;
                var update = new TableEntity(country, openingId) { ["Filled"] = opening.Filled + 1, ["UpdatedAt"] = now };
                var hire = new TableEntity(country, $"{Prefix(openingId)}{personToken}-{now.UtcTicks:D19}")
                {
                    ["CentreId"] = centreId,
                    ["PersonToken"] = personToken,
                    ["HiredAt"] = now,
                };
                try
                {
                    await calls.RunAsync(async token => { await tables.Openings.SubmitTransactionAsync(
                        [new(TableTransactionActionType.UpdateMerge, update, opening.ETag), new(TableTransactionActionType.Add, hire)], token); }, cancellationToken);
                }
                catch (TableTransactionFailedException e) when (e.Status is 412 or 409)
                {
                    // Another hire came first: read again and try for a remaining position.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25 + attempt * 5)), time, cancellationToken);
                    continue;
                }

                reservedDay = null;
                await changes.RecordAsync([openingId], cancellationToken);
                return new(HireOutcome.Hired, OpeningChanges.Of(opening with { Filled = opening.Filled + 1, UpdatedAt = now }));
            }

            throw new StorageUnavailableException("Too many concurrent hires for this opening; try again.", TimeSpan.FromSeconds(1));
        }
        finally
        {
            if (reservedDay is not null)
            {
                await GiveBackAsync(centreId, reservedDay);
            }
        }
    }

    /// <summary>Every hire of the opening, the given-back ones too, oldest first; null when there is no such opening.</summary>
    public async Task<IReadOnlyList<Hire>?> ListAsync(string openingId, CancellationToken cancellationToken) =>
        await openings.GetAsync(openingId, cancellationToken) is { } opening
            ? [.. (await RowsAsync(opening, cancellationToken)).Select(r => FromEntity(openingId, r)).OrderBy(h => h.HiredAt)]
            : null;

    /// <summary>Gives a position back, with the reason, in one transaction with the opening's count; the hire stays on record.</summary>
    public async Task<OpeningWrite<ReleaseOutcome>> ReleaseAsync(
        string openingId, string hireId, string releasedBy, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await openings.GetAsync(openingId, cancellationToken) is not { } opening
                || await TableQueries.FindAsync(calls, tables.Openings, opening.Opening.Location.Country, Prefix(openingId) + hireId, cancellationToken) is not { } row)
            {
                return new(ReleaseOutcome.NotFound, OpeningChanges.None);
            }

            if (!IsActive(row))
            {
                return new(ReleaseOutcome.AlreadyReleased, OpeningChanges.None);
            }

            var now = time.GetUtcNow();
            var country = opening.Opening.Location.Country;
            var filled = Math.Max(0, opening.Filled - 1);
            var update = new TableEntity(country, openingId) { ["Filled"] = filled, ["UpdatedAt"] = now };
            var released = new TableEntity(country, row.RowKey) { ["ReleasedAt"] = now, ["ReleasedBy"] = releasedBy, ["ReleaseReason"] = reason };
            try
            {
                await calls.RunAsync(async token => { await tables.Openings.SubmitTransactionAsync(
                    [new(TableTransactionActionType.UpdateMerge, update, opening.ETag), new(TableTransactionActionType.UpdateMerge, released, row.ETag)], token); },
                    cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 409)
            {
                continue;
            }

            await changes.RecordAsync([openingId], cancellationToken);
            return new(ReleaseOutcome.Released, OpeningChanges.Of(opening with { Filled = filled, UpdatedAt = now }));
        }

        throw new StorageUnavailableException("Too many concurrent changes to this opening; try again.", TimeSpan.FromSeconds(1));
    }

    /// <summary>Whether a hire id has the shape this store gives: a 32-hex token, a dash, 19 digits.</summary>
    public static bool IsHireId(string? id) =>
        id is { Length: 52 } && id[32] == '-' && StableIds.IsId(id[..32]) && id[33..].All(char.IsAsciiDigit);

    private async Task<List<TableEntity>> RowsAsync(StoredOpening opening, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableQueries.KeysUnder(opening.Opening.Location.Country, $"{opening.Id}|hire");
        await foreach (var row in TableQueries.AllAsync(calls, tables.Openings, filter, null, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Moves the centre's count of foreign hires on <paramref name="day"/> by <paramref name="delta"/>, unless that
    /// would pass <paramref name="max"/>; the count is one row written under its ETag, so concurrent hires cannot both take the last one.
    /// </summary>
    private async Task<bool> AdjustDailyAsync(string centreId, string day, int delta, int max, CancellationToken cancellationToken)
    {
        var key = $"hires|{day}";
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await TableQueries.FindAsync(calls, tables.Placements, centreId, key, cancellationToken);
            var count = row?.GetInt32("Count") ?? 0;
            var next = Math.Max(0, count + delta);
            if (delta > 0 && next > max)
            {
                return false;
            }

            var entity = new TableEntity(centreId, key) { ["Count"] = next };
            try
            {
                await calls.RunAsync(async token =>
                {
                    if (row is null)
                    {
                        await tables.Placements.AddEntityAsync(entity, token);
                    }
                    else
                    {
                        await tables.Placements.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, token);
                    }
                }, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
            }
        }

        throw new StorageUnavailableException("Too many concurrent hires for this centre; try again.", TimeSpan.FromSeconds(1));
    }

    /// <summary>A day's reservation for a hire that did not happen; if this fails too, the day's count errs high, not low.</summary>
    private async Task GiveBackAsync(string centreId, string day)
    {
        try
        {
            await AdjustDailyAsync(centreId, day, -1, int.MaxValue, CancellationToken.None);
        }
        catch (StorageUnavailableException)
        {
        }
    }

    private static bool IsActive(TableEntity row) => row.GetDateTimeOffset("ReleasedAt") is null;

    private static string Prefix(string openingId) => $"{openingId}|hire|";

    private static string Day(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Hire FromEntity(string openingId, TableEntity row) => new(
        row.RowKey[Prefix(openingId).Length..],
        openingId,
        row.GetString("CentreId") ?? "",
        row.GetDateTimeOffset("HiredAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("ReleasedAt"),
        row.GetString("ReleasedBy"),
        row.GetString("ReleaseReason"));
}
