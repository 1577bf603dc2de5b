namespace Reintegration.Functions.Digests;

/// <summary>Webhook delivery, bound from <c>Reintegration:Webhook</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Reintegration:Webhook";

    public int MaxAttempts { get; set; } = 4;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
