using System.Net;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Profiles;

namespace Reintegration.IntegrationTests.Storage;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Pipeline_HasOverallTimeoutRetryBreakerAttemptTimeout_InThatOrder()
    {
        await using var storage = await TestStorage.StartAsync(Azurite.ConnectionStringFor(1), runBackgroundServices: false, settings: new Dictionary<string, string?>
        {
            ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:30",
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:10",
            ["Reintegration:StorageResilience:MaxRetryAttempts"] = "4",
        });

        var descriptor = storage.Get<ResiliencePipelineProvider<string>>().GetPipeline(StorageResilience.PipelineName).GetPipelineDescriptor();

        Assert.Collection(descriptor.Strategies,
            s => Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout),
            s =>
            {
                var retry = Assert.IsType<RetryStrategyOptions>(s.Options);
                Assert.Equal((4, DelayBackoffType.Exponential, true), (retry.MaxRetryAttempts, retry.BackoffType, retry.UseJitter));
            },
            s => Assert.IsType<CircuitBreakerStrategyOptions>(s.Options),
            s => Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout));
    }

    [Fact]
    public async Task Pipeline_WithChaos_PutsItInnermost()
    {
        await using var storage = await TestStorage.StartAsync(Azurite.ConnectionStringFor(1), runBackgroundServices: false, settings: new Dictionary<string, string?>
        {
            ["Reintegration:StorageResilience:ChaosFaultRate"] = "0.1",
            ["Reintegration:StorageResilience:ChaosLostResponseRate"] = "0.1",
        });

        var strategies = storage.Get<ResiliencePipelineProvider<string>>().GetPipeline(StorageResilience.PipelineName).GetPipelineDescriptor().Strategies;

        Assert.Equal(6, strategies.Count);
        Assert.IsType<TimeoutStrategyOptions>(strategies[3].Options);
        Assert.Equal("LostResponseChaos", strategies[4].Options!.Name);
        Assert.IsType<Polly.Simmy.Fault.ChaosFaultStrategyOptions>(strategies[5].Options);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(0, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    public void Transient_OnlyTimeoutsThrottlingServerAndNetworkFailures(int status, bool transient) =>
        Assert.Equal(transient, TransientFailures.IsTransient(new RequestFailedException(status, "x")));

    [Fact]
    public void Transient_IoAndTimeouts_AreRetried()
    {
        Assert.True(TransientFailures.IsTransient(new IOException()));
        Assert.True(TransientFailures.IsTransient(new TimeoutRejectedException()));
        Assert.True(TransientFailures.IsTransient(new HttpRequestException()));
        Assert.False(TransientFailures.IsTransient(new InvalidOperationException()));
    }

    [Fact]
    public void AzureSdkRetries_AreTurnedOff_SoAttemptsDoNotMultiply() =>
        Assert.Equal(0, TableServiceClientFactory.ClientOptions().Retry.MaxRetries);

    [Fact]
    public async Task StorageStalled_Under16Callers_EveryRequestIsAnswered200Or503WithRetryAfter_AndTheBreakerOpens()
    {
        var azurite = await SharedAzurite.GetAsync();
        await using var proxy = TcpProxy.Start(azurite.Port);
        var settings = new Dictionary<string, string?>
        {
            ["Reintegration:Storage"] = Azurite.ConnectionStringFor(proxy.Port, azurite.BlobPort),
            // The audit in an account that stays up: with it beside the stalled tables, every audited route (matches too)
            // answers 503, as no access may go unrecorded, and nothing would show what is served from memory.
            ["Reintegration:Audit:Storage"] = azurite.ConnectionString,
            // The product's limits (TestApp is otherwise patient with a loaded machine), but a short break, to see storage come back.
            ["Reintegration:HealthProbeTimeout"] = "00:00:00.800",
            ["Reintegration:StorageResilience:RequestBudget"] = "00:00:05",
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:02",
            ["Reintegration:StorageResilience:BreakDuration"] = "00:00:03",
        };
        await using var app = await TestApp.StartAsync(azurite, settings);
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        var stored = await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profiles(2, "STALL").ToArray()));
        var profileId = stored.GetProperty("results")[0].GetProperty("id").GetString();
        await HttpAssert.OkAsync(await centre.PostOpeningsAsync(TestData.Opening("STALL-1")));
        var breaker = app.Services.GetRequiredService<CircuitBreakerStateProvider>();
        var requests = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.PostJsonAsync("/api/matches", TestData.ProfileJson),
            c => c.GetAsync($"/api/profiles/{profileId}/matches"),
            c => c.GetAsync($"/api/profiles/{profileId}"),
            c => c.PostProfilesAsync(TestData.Profile("STALL-NEW")),
            c => c.GetAsync("/api/health"),
        };

        proxy.Stall();
        var breakerOpened = false;
        using var watching = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                breakerOpened |= breaker.CircuitState == CircuitState.Open;
                await Task.Delay(20);
            }
        });
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
        {
            using var client = app.ClientWithKey(centre.DefaultRequestHeaders.GetValues("x-api-key").Single());
            // Far beyond the budget: a request still unanswered by then fails the test.
            client.Timeout = TimeSpan.FromSeconds(30);
            var statuses = new List<(HttpStatusCode Status, bool RetryAfter, string? MediaType)>();
            for (var round = 0; round < 5; round++)
            {
                var response = await requests[(caller + round) % requests.Length](client);
                var retryAfter = response.Headers.RetryAfter?.Delta is not null;
                statuses.Add((response.StatusCode, retryAfter, response.Content.Headers.ContentType?.MediaType));
            }

            return statuses;
        })));
        await watching.CancelAsync();
        await watch;

        var all = answers.SelectMany(a => a).ToList();
        Assert.Equal(80, all.Count);
        Assert.All(all, a => Assert.True(
            a.Status == HttpStatusCode.OK
                || a is { Status: HttpStatusCode.ServiceUnavailable, RetryAfter: true, MediaType: "application/problem+json" },
            $"answered {(int)a.Status} (Retry-After: {a.RetryAfter}, {a.MediaType})"));
        Assert.Contains(all, a => a.Status == HttpStatusCode.OK);
        Assert.Contains(all, a => a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.True(breakerOpened, "the breaker never opened");

        proxy.Restore();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage again;
        while ((again = await centre.PostProfilesAsync(TestData.Profile("STALL-BACK"))).StatusCode != HttpStatusCode.OK
            && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
        }

        await HttpAssert.OkAsync(again);
    }

    [Fact]
    public async Task Import5000Profiles_With20PercentOfCallsFaulted_LosesNoneDuplicatesNone()
    {
        var azurite = await SharedAzurite.GetAsync();
        await using var storage = await TestStorage.StartAsync(azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Reintegration:StorageResilience:ChaosFaultRate"] = "0.1",
            ["Reintegration:StorageResilience:ChaosLostResponseRate"] = "0.1",
            ["Reintegration:StorageResilience:MaxRetryAttempts"] = "10",
        });
        var store = storage.Get<ProfileStore>();
        const string Centre = "0123456789abcdef0123456789abcdef";
        var sent = TestData.Profiles(5_000, "CHAOS");

        foreach (var request in sent.Chunk(500))
        {
            await store.UpsertAsync(Centre, request, default);
        }

        var stored = new List<StoredProfile>();
        await foreach (var profile in store.AllAsync(Centre, default))
        {
            stored.Add(profile);
        }

        Assert.Equal(5_000, stored.Count);
        Assert.Equal(sent.Select(p => p.ExternalRef).Order(), stored.Select(p => p.Profile.ExternalRef).Order());
        Assert.Equal(5_000, stored.Select(p => p.Id).Distinct().Count());
    }
}
