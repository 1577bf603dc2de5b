using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Retention;

namespace Reintegration.IntegrationTests.Storage;

public sealed class RetentionSweepTests
{
    [Fact]
    public async Task Sweep_ErasesExactlyTheProfilesPastTheirMonths_WithTheirPlacements_AndAuditRecordsPastTheirDays_AndAgainNothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        // The nightly timer would run the sweep as the clock jumps; here the test runs it, once it has set the scene.
        await using var app = await TestApp.StartAsync(
            await SharedAzurite.GetAsync(),
            new Dictionary<string, string?> { ["AzureWebJobs.RetentionSweep.Disabled"] = "true" },
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        using var admin = app.Admin();
        var (centre, centreId) = await app.CentreAsync();
        using var _ = centre;
        var opening = await HttpAssert.FirstIdAsync(admin.PostOpeningsAsync(TestData.Opening("RETAIN-OPENING") with { ExpiresOn = new DateOnly(2029, 1, 1), StartDate = new DateOnly(2029, 2, 1) }));
        var old = await HttpAssert.FirstIdAsync(centre.PostProfilesAsync(TestData.Profile("RETAIN-OLD")));
        await HttpAssert.OkAsync(await centre.PostAsJsonAsync("/api/placements", new { profileId = old, openingId = opening, outcome = "applied" }), HttpStatusCode.Created);

        clock.Advance(TimeSpan.FromDays(30 * 14));
        var recent = await HttpAssert.FirstIdAsync(centre.PostProfilesAsync(TestData.Profile("RETAIN-RECENT")));
        clock.Advance(TimeSpan.FromDays(30 * 11));
        var sweep = app.Services.GetRequiredService<RetentionSweep>();

        var report = await sweep.RunAsync(CancellationToken.None);
        var again = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionReport(1, 2), report);
        Assert.Equal(new RetentionReport(0, 0), again);
        await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/profiles/{old}"), HttpStatusCode.NotFound);
        await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{recent}"));
        var trail = (await HttpAssert.OkAsync(await admin.GetAsync($"/api/audit?profileId={old}"))).GetProperty("items").EnumerateArray().ToList();
        // What is left of the old person's trail: the sweep's erasure and the test's GET after it; nothing of the first year.
        Assert.Equal([centreId, RetentionSweep.Actor], trail.Select(r => r.GetProperty("actor").GetString()).OrderBy(a => a == RetentionSweep.Actor));
        Assert.All(trail, r => Assert.Equal(clock.GetUtcNow(), r.GetProperty("at").GetDateTimeOffset()));
        var kept = (await HttpAssert.OkAsync(await admin.GetAsync($"/api/audit?profileId={recent}"))).GetProperty("items").EnumerateArray();
        Assert.Equal(["GetProfile", "UpsertProfiles"], kept.Select(r => r.GetProperty("operation").GetString()));
    }
}
