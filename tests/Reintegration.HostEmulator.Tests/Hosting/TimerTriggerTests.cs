using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reintegration.Digests;
using Reintegration.HostEmulator.Emulator;
using Reintegration.HostEmulator.Rpc;
using Reintegration.HostEmulator.Scenarios;

namespace Reintegration.HostEmulator.Hosting;

/// <summary>The weekly digest, invoked as the host invokes a timer: a TimerInfo payload, on time or past due.</summary>
public sealed class TimerTriggerTests
{
    [Fact]
    public async Task WeeklyDigest_OnTimeDigestsThisWeek_PastDueDigestsTheWeekOfTheMissedOccurrence()
    {
        var now = TimeProvider.System.GetUtcNow();
        var missed = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-8);
        // Monthly on the day eight days ago: its latest occurrence falls in an earlier ISO week than today.
        var schedule = $"0 0 0 {missed.Day} * *";
        var azurite = await AppSettings.AzuriteAsync();
        await using var host = await FunctionsHostEmulator.StartAsync(AppSettings.For(azurite.ConnectionString, schedule));
        using var admin = host.Client(AppSettings.AdminKey);
        var registered = await admin.PostAsJsonAsync("/api/centres", new { name = "Khujand Centre", country = "TJ", language = "en" });
        var centre = await registered.Content.ReadFromJsonAsync<JsonElement>();
        using var client = host.Client(centre.GetProperty("apiKey").GetString());
        var thisWeek = IsoWeek.Of(now);
        var missedWeek = IsoWeek.Of(missed);
        Assert.NotEqual(thisWeek, missedWeek);

        var onTime = await host.InvokeTimerAsync("WeeklyDigest", isPastDue: false, now);
        Assert.Equal(StatusResult.Types.Status.Success, onTime.Result.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/digests/{thisWeek}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/digests/{missedWeek}")).StatusCode);

        var pastDue = await host.InvokeTimerAsync("WeeklyDigest", isPastDue: true, now);
        Assert.Equal(StatusResult.Types.Status.Success, pastDue.Result.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/digests/{missedWeek}")).StatusCode);
    }
}
