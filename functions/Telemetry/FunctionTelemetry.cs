using System.Diagnostics;

namespace Reintegration.Functions.Telemetry;

/// <summary>
/// A span for each function invocation on the standalone host, shaped like the worker's own ("Invoke",
/// with the function's name and the invocation's id), which the Functions worker emits under the host.
/// </summary>
public static class FunctionTelemetry
{
    public const string SourceName = "Reintegration.Functions";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartInvocation(string function, string trigger) =>
        Source.StartActivity("Invoke", ActivityKind.Internal, default(ActivityContext), [
            new("faas.name", function),
            new("faas.trigger", trigger),
            new("faas.invocation_id", Guid.NewGuid().ToString()),
        ]);
}
