using Azure;
using Azure.Data.Tables;
using Reintegration.Digests;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Digests;

/// <summary>
/// Whether a centre's digest of a week reached its webhook. A sender first claims the delivery (an
/// ETag-guarded write), so two runs at once never both send it; a delivered digest is never sent again;
/// a failed one, or a claim abandoned for longer than <see cref="ClaimLifetime"/>, may be claimed anew.
/// </summary>
public sealed class DigestDeliveryLog(Tables tables, StorageCalls calls, TimeProvider time)
{
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A claim to send; null when it was delivered already or someone else is sending it now.</summary>
    public async Task<ETag?> TryClaimAsync(string centreId, IsoWeek week, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        // A token of this claim: if the answer to our own write is lost, the retry finds it and knows it is ours.
        var claimToken = Guid.NewGuid().ToString("N");
        var claim = new TableEntity(centreId, week.ToString()) { ["Status"] = "sending", ["ClaimedAt"] = now, ["Attempts"] = 0, ["ClaimToken"] = claimToken };
        try
        {
            var response = await calls.RunAsync(token => new ValueTask<Response>(tables.DigestDeliveries.AddEntityAsync(claim, token)), cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var current = await TableQueries.FindAsync(calls, tables.DigestDeliveries, centreId, week.ToString(), cancellationToken);
            if (current?.GetString("ClaimToken") == claimToken && current.GetString("Status") == "sending")
            {
                return current.ETag;
            }

            if (current is null || current.GetString("Status") == "delivered"
                || current.GetString("Status") == "sending" && current.GetDateTimeOffset("ClaimedAt") > now - ClaimLifetime)
            {
                return null;
            }

            claim["Attempts"] = current.GetInt32("Attempts") ?? 0;
            try
            {
                var response = await calls.RunAsync(token => new ValueTask<Response>(tables.DigestDeliveries.UpdateEntityAsync(claim, current.ETag, TableUpdateMode.Merge, token)), cancellationToken);
                return response.Headers.ETag;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                return null;
            }
        }
    }

    public Task MarkDeliveredAsync(string centreId, IsoWeek week, int attempts, CancellationToken cancellationToken) =>
        RecordAsync(centreId, week, "delivered", attempts, cancellationToken);

    public Task MarkFailedAsync(string centreId, IsoWeek week, int attempts, CancellationToken cancellationToken) =>
        RecordAsync(centreId, week, "failed", attempts, cancellationToken);

    /// <summary>The delivery status of that digest ("delivered", "failed", "sending"), or null when never attempted.</summary>
    public async Task<string?> StatusAsync(string centreId, IsoWeek week, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        return (await TableQueries.FindAsync(calls, tables.DigestDeliveries, centreId, week.ToString(), cancellationToken))?.GetString("Status");
    }

    private async Task RecordAsync(string centreId, IsoWeek week, string status, int attempts, CancellationToken cancellationToken)
    {
        var row = new TableEntity(centreId, week.ToString()) { ["Status"] = status, ["Attempts"] = attempts, ["RecordedAt"] = time.GetUtcNow() };
        await calls.RunAsync(async token => { await tables.DigestDeliveries.UpsertEntityAsync(row, TableUpdateMode.Merge, token); }, cancellationToken);
    }
}
