using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace Reintegration.Storage.Infrastructure;

/// <summary>Builds the one <see cref="TableServiceClient"/> of the app from <see cref="StorageOptions"/>.</summary>
internal static class TableServiceClientFactory
{
    public static TableServiceClient Create(StorageOptions options)
    {
        var clientOptions = ClientOptions();
        var setting = options.ConnectionString.Trim();
        if (Uri.TryCreate(setting, UriKind.Absolute, out var serviceUri)
            && (serviceUri.Scheme == Uri.UriSchemeHttps || serviceUri.Scheme == Uri.UriSchemeHttp))
        {
            return new TableServiceClient(serviceUri, new DefaultAzureCredential(), clientOptions);
        }

        return new TableServiceClient(setting, clientOptions);
    }

    internal static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        // The storage resilience pipeline owns retries; the SDK's own would multiply its attempts.
        options.Retry.MaxRetries = 0;
        options.Retry.Mode = RetryMode.Fixed;
        return options;
    }
}
