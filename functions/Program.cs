using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Reintegration.Digests;
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
    StandaloneHost.Build(
        args,
        [typeof(Program).Assembly],
        (services, configuration) => services.AddReintegrationApp(configuration),
        builder =>
        {
            // Under the Functions host, %Reintegration:DigestSchedule% must be an app setting; here it has a default.
            if (string.IsNullOrEmpty(builder.Configuration[DigestOptions.ScheduleSetting]))
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [DigestOptions.ScheduleSetting] = DigestOptions.DefaultSchedule });
            }

            if (AdminKey.GenerateIfUnset(builder.Configuration) is { } generated)
            {
                // Printed, not logged: it is a secret for the person at this terminal, not for log files.
                Console.WriteLine($"Admin key (generated for this run; set Reintegration__AdminKey to choose one): {generated}");
            }
        }).Run();
}
