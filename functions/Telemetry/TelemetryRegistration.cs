using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Functions.Telemetry;

/// <summary>
/// OpenTelemetry for both modes: the app's spans (function invocations, storage calls) and metrics, sent to
/// Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set, or to an OTLP endpoint when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (locally). Nothing recorded carries a key, a name or any field of a profile.
/// </summary>
public static class TelemetryRegistration
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    public static void AddReintegrationTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("reintegration"))
            // ASP.NET Core's request spans are the parents of the invocation spans: unrecorded, they would drop them.
            .WithTracing(tracing => tracing.AddSource(AspNetCoreSource, FunctionTelemetry.SourceName, StorageTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(AppMetrics.MeterName, StorageTelemetry.MeterName));
        if (builder is IFunctionsWorkerApplicationBuilder)
        {
            // The worker's own invocation spans, and the capability that stops the host sending the same telemetry again.
            telemetry.UseFunctionsWorkerDefaults();
        }

        if (!string.IsNullOrEmpty(builder.Configuration[AzureMonitorSetting]))
        {
            telemetry.UseAzureMonitorExporter(options => options.ConnectionString = builder.Configuration[AzureMonitorSetting]);
        }
        else if (!string.IsNullOrEmpty(builder.Configuration[OtlpSetting]))
        {
            telemetry.UseOtlpExporter();
        }
    }
}
