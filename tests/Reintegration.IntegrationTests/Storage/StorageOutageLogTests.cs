using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.IntegrationTests.Storage;

/// <summary>When storage does not answer, the log says so in one line a minute, with how to start Azurite, and no stack traces.</summary>
public sealed class StorageOutageLogTests
{
    private static readonly StorageUnavailableException Refused =
        new("Table Storage did not answer.", TimeSpan.FromSeconds(5), new Azure.RequestFailedException("Connection refused (127.0.0.1:1)"));

    [Fact]
    public void Unavailable_SaysItOncePerMinute_AndOnceWhenStorageAnswersAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var outages = new StorageOutageLog(new TableServiceClient(Azurite.ConnectionStringFor(1)), time, factory.CreateLogger<StorageOutageLog>());

        for (var i = 0; i < 10; i++)
        {
            outages.Unavailable("loading the opening index", Refused);
            time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Single(logs.Entries);
        time.Advance(TimeSpan.FromSeconds(10));
        outages.Unavailable("loading the opening index", Refused);
        Assert.Equal(2, logs.Entries.Count);
        outages.Available();
        outages.Available();
        Assert.Equal(3, logs.Entries.Count);

        var first = logs.Entries[0];
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.Null(first.Exception);
        Assert.Contains("http://127.0.0.1:1", first.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", first.Message, StringComparison.Ordinal);
        Assert.Contains("node scripts/azurite-table.js 10002", first.Message, StringComparison.Ordinal);
        Assert.Contains("answers again", logs.Entries[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_WithoutStorage_LogsOneLineWithoutStackTraces()
    {
        var logs = new CapturedLogs();
        // Nothing listens on port 1: every call is refused at once.
        var nowhere = new Dictionary<string, string?> { ["Reintegration:Storage"] = Azurite.ConnectionStringFor(1) };
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync(), nowhere, services => services.AddLogging(b => b.AddProvider(logs)), waitForIndex: false);

        await Eventually.HoldsAsync(() => logs.Entries.Any(e => e.Category.EndsWith(nameof(StorageOutageLog), StringComparison.Ordinal)));

        var warnings = logs.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        var outage = Assert.Single(warnings, e => e.Category.EndsWith(nameof(StorageOutageLog), StringComparison.Ordinal));
        Assert.Contains("does not answer", outage.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(warnings, e => e.Exception is not null || e.Category.StartsWith("Polly", StringComparison.Ordinal));
    }
}
