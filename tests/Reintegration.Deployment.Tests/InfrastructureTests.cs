using System.Text.Json;
using Reintegration.Functions.Telemetry;

namespace Reintegration.Deployment;

/// <summary>infra/main.bicep compiles and lints clean, and its ARM JSON keeps the promises the README makes.</summary>
public sealed class InfrastructureTests
{
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string Identity = "Microsoft.ManagedIdentity/userAssignedIdentities";

    /// <summary>
    /// Settings the platform reads, not the app's code: the host's identity-based storage, Azure.Identity's
    /// client id, the exporter's connection string.
    /// </summary>
    private static readonly string[] PlatformSettings =
    [
        "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
        "AZURE_CLIENT_ID", TelemetryRegistration.AzureMonitorSetting,
    ];

    [Fact]
    public async Task Bicep_BuildAndLint_ReportNoWarning()
    {
        var output = Path.Combine(Path.GetTempPath(), $"reintegration-{Guid.NewGuid():N}.json");
        try
        {
            var build = await BicepCli.RunAsync("build", BicepCli.MainTemplate, "--outfile", output);
            var lint = await BicepCli.RunAsync("lint", BicepCli.MainTemplate);

            Assert.True(build.ExitCode == 0 && build.Errors.Trim().Length == 0, $"bicep build:\n{build.Output}{build.Errors}");
            Assert.True(lint.ExitCode == 0 && (lint.Output + lint.Errors).Trim().Length == 0, $"bicep lint:\n{lint.Output}{lint.Errors}");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Storage_RefusesSharedKeysOldTlsPublicBlobsAndPlainHttp()
    {
        var storage = (await ArmTemplate.GetAsync()).Single("Microsoft.Storage/storageAccounts").GetProperty("properties");

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(storage.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public async Task FunctionApp_IsFlexConsumptionOnDotNet10Isolated_HttpsOnly_DeployedFromItsContainerWithItsIdentity()
    {
        var template = await ArmTemplate.GetAsync();
        var plan = template.Single("Microsoft.Web/serverfarms").GetProperty("sku");
        var app = template.Single("Microsoft.Web/sites");
        var properties = app.GetProperty("properties");
        var config = properties.GetProperty("functionAppConfig");
        var deployment = config.GetProperty("deployment").GetProperty("storage");
        var containers = template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal(("FlexConsumption", "FC1"), (plan.GetProperty("tier").GetString(), plan.GetProperty("name").GetString()));
        Assert.Equal("functionapp,linux", app.GetProperty("kind").GetString());
        var runtime = config.GetProperty("runtime");
        Assert.Equal(("dotnet-isolated", "10.0"), (runtime.GetProperty("name").GetString(), runtime.GetProperty("version").GetString()));
        Assert.True(properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", properties.GetProperty("siteConfig").GetProperty("minTlsVersion").GetString());
        Assert.Equal("blobContainer", deployment.GetProperty("type").GetString());
        Assert.Contains("primaryEndpoints.blob", deployment.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.All(containers, container =>
            Assert.Equal("None", container.GetProperty("properties").GetProperty("publicAccess").GetString()));
        Assert.Equal("UserAssignedIdentity", deployment.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal("UserAssigned", app.GetProperty("identity").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(TableDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(BlobDataOwner, "Microsoft.Storage/storageAccounts")]
    [InlineData(KeyVaultSecretsUser, "Microsoft.KeyVault/vaults")]
    public async Task Identity_HoldsTheRoleItNeeds_OnItsResource(string role, string resourceType)
    {
        var template = await ArmTemplate.GetAsync();
        var assignments = template.Resources("Microsoft.Authorization/roleAssignments");

        var assignment = Assert.Single(assignments, a =>
            template.Resolve(Text(a, "properties", "roleDefinitionId")).Contains(role, StringComparison.Ordinal));
        Assert.Contains(resourceType, assignment.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains(Identity, Text(assignment, "properties", "principalId"), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", assignment.GetProperty("properties").GetProperty("principalType").GetString());
    }

    [Fact]
    public async Task AppSettings_SetEverySettingTheCodeNeedsInAzure_AndNoSettingTheCodeDoesNotRead()
    {
        var settings = (await ArmTemplate.GetAsync()).AppSettings;
        var code = CodeSettings.Discover();
        var appSettings = settings.Keys.Except(PlatformSettings).Select(k => k.Replace("__", ":", StringComparison.Ordinal)).ToList();

        Assert.Superset(code.Required.ToHashSet(StringComparer.OrdinalIgnoreCase), appSettings.ToHashSet(StringComparer.OrdinalIgnoreCase));
        Assert.All(appSettings, setting => Assert.Contains(setting, code.Read));
        // What was found is what the options classes read, down to their nested sections.
        Assert.Contains("Reintegration:StorageResilience:MaxRetryAttempts", code.Read);
        Assert.Contains("Reintegration:Scoring:Occupation", code.Read);
        Assert.Equal(5, code.Required.Count);
        Assert.Contains("Reintegration:Storage", code.Required);
        Assert.Contains("Reintegration:IndexSnapshot:Storage", code.Required);
        Assert.Contains("Reintegration:AdminKey", code.Required);
        Assert.Contains("Reintegration:DigestSchedule", code.Required);
    }

    [Fact]
    public async Task AppSettings_StorageIsTheTableServiceUri_AndTheKeysKeyVaultReferences()
    {
        var template = await ArmTemplate.GetAsync();
        var settings = template.AppSettings;
        var site = template.Single("Microsoft.Web/sites").GetProperty("properties");

        Assert.EndsWith(".primaryEndpoints.table]", settings["Reintegration__Storage"], StringComparison.Ordinal);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", settings["Reintegration__AdminKey"], StringComparison.Ordinal);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", settings["Reintegration__SigningKey"], StringComparison.Ordinal);
        Assert.Contains(Identity, Text(site, "keyVaultReferenceIdentity"), StringComparison.Ordinal);
        var vault = template.Single("Microsoft.KeyVault/vaults").GetProperty("properties");
        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.Equal("[parameters('digestSchedule')]", settings["Reintegration__DigestSchedule"]);
    }

    [Fact]
    public async Task Telemetry_GoesToApplicationInsightsOnALogAnalyticsWorkspace()
    {
        var template = await ArmTemplate.GetAsync();
        var insights = template.Single("Microsoft.Insights/components").GetProperty("properties");

        var connection = template.AppSettings[TelemetryRegistration.AzureMonitorSetting];
        Assert.Contains("Microsoft.OperationalInsights/workspaces", Text(insights, "WorkspaceResourceId"), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/components", connection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_TakesANamePrefixAndARegion_AndOutputsTheApiBaseUrl()
    {
        var template = (await ArmTemplate.GetAsync()).Root;

        Assert.True(template.GetProperty("parameters").TryGetProperty("namePrefix", out _));
        Assert.True(template.GetProperty("parameters").TryGetProperty("location", out _));
        Assert.Equal(JsonValueKind.Object, template.GetProperty("parameters").GetProperty("adminKey").ValueKind);
        Assert.Equal("securestring", template.GetProperty("parameters").GetProperty("adminKey").GetProperty("type").GetString());
        Assert.Equal("securestring", template.GetProperty("parameters").GetProperty("signingKey").GetProperty("type").GetString());
        Assert.Contains("/api", Text(template, "outputs", "apiBaseUrl", "value"), StringComparison.Ordinal);
    }

    private static string Text(JsonElement element, params string[] path) =>
        path.Aggregate(element, (e, name) => e.GetProperty(name)).GetString()!;
}
