using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;

var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var host = FunctionsHostDetector.IsHostPresent(args, environment) ? AppHosts.Worker(args) : AppHosts.Standalone(args);
host.Run();
