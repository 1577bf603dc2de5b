using Microsoft.Extensions.Configuration;

namespace Reintegration.Functions.Standalone;

/// <summary>Tells whether an Azure Functions host started this process.</summary>
public static class FunctionsHostDetector
{
    private const string HostEndpointKey = "Functions:Worker:HostEndpoint";

    // The host passes its gRPC endpoint on the command line (recent hosts) or as --host/--port (older ones);
    // without it the worker cannot start, so its absence is what "no host" means.
    private static readonly string[] HostSwitches = ["--functions-uri", "--host", "--port"];

    public static bool IsHostPresent(string[] args, IConfiguration environment) =>
        args.Any(a => HostSwitches.Contains(a.Split('=')[0], StringComparer.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(environment[HostEndpointKey]);
}
