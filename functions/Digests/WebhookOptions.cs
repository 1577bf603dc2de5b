namespace Reintegration.Functions.Digests;

/// <summary>Webhook delivery, bound from <c>Reintegration:Webhook</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Reintegration:Webhook";
    public const string AllowLoopbackSetting = SectionName + ":AllowLoopback";

    public int MaxAttempts { get; set; } = 4;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether webhooks may point to this machine (loopback): for development and tests; never in Azure.</summary>
    public bool AllowLoopback { get; set; }
}
