using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Reintegration.Functions;
using Reintegration.Functions.Standalone;

var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
if (FunctionsHostDetector.IsHostPresent(args, environment))
{
    var builder = FunctionsApplication.CreateBuilder(args);
    builder.ConfigureFunctionsWebApplication();
    builder.Services.AddReintegrationApp(builder.Configuration);
    builder.Build().Run();
}
else
{
    StandaloneHost.Build(args, [typeof(Program).Assembly], (services, configuration) => services.AddReintegrationApp(configuration)).Run();
}
