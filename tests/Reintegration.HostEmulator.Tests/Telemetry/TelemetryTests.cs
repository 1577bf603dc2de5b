using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Reintegration.Functions.Telemetry;
using Reintegration.HostEmulator.Scenarios;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.HostEmulator.Telemetry;

/// <summary>The app's telemetry, exported in memory while the API scenarios run: recorded, and free of personal data.</summary>
public sealed class TelemetryTests
{
    private static readonly string[] ScenarioFunctions =
        ["Health", "CreateCentre", "UpsertProfiles", "ImportProfiles", "MatchProfile", "RecordPlacement", "RunDigest", "GetDigest"];

    private static readonly string[] Metrics =
    [
        "reintegration.match.duration", "reintegration.digest.duration", "reintegration.storage.retries",
        "reintegration.storage.breaker.state", "reintegration.index.size", "reintegration.index.age",
    ];

    [Fact]
    public async Task ApiScenarios_RecordInvocationAndStorageSpansAndEveryMetric_WithNoPersonalDataAnywhere()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var logs = new RecordingLoggerProvider();
        await using (var target = await Targets.InProcessAsync(builder =>
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            builder.Configuration["Logging:LogLevel:Default"] = "Trace";
        }))
        {
            await ApiScenarios.RunAsync(target);
            target.Services.GetRequiredService<MeterProvider>().ForceFlush();
            target.Services.GetRequiredService<TracerProvider>().ForceFlush();
        }

        var invoked = spans.Where(s => s.Source.Name == FunctionTelemetry.SourceName)
            .Select(s => (string?)s.GetTagItem("faas.name")).ToHashSet();
        Assert.Superset(ScenarioFunctions.ToHashSet(), invoked!);
        Assert.Contains(spans, s =>
            s.Source.Name == StorageTelemetry.SourceName && s.DisplayName.StartsWith("ProfileStore.", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Source.Name == StorageTelemetry.SourceName && s.Status == ActivityStatusCode.Error);
        Assert.Superset(Metrics.ToHashSet(), metrics.Select(m => m.Name).ToHashSet());
        Assert.NotEmpty(logs.Records);

        var recorded = spans.SelectMany(SpanTexts)
            .Concat(metrics.SelectMany(MetricTexts))
            .Concat(logs.Records)
            .ToList();
        foreach (var value in ApiScenarios.PersonalValues)
        {
            Assert.DoesNotContain(recorded, text => text.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static IEnumerable<string> SpanTexts(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"));

    private static IEnumerable<string> MetricTexts(MetricSnapshot metric)
    {
        yield return metric.Name;
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{tag.Key}={tag.Value}";
            }
        }
    }
}
