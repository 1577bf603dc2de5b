using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reintegration.Digests;
using Reintegration.Functions.Digests;
using Reintegration.Functions.Http;
using Reintegration.Matching;
using Reintegration.Storage.Audit;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Openings.Snapshots;
using Reintegration.Storage.Profiles;
using Reintegration.Storage.Retention;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// The rules every options class must meet, checked when the app starts (in both modes), so that a bad
/// setting stops the app with its name instead of failing the first request that needs it.
/// </summary>
internal static class SettingsValidation
{
    private static readonly TimeSpan HalfSecond = TimeSpan.FromMilliseconds(500);

    public static IServiceCollection AddSettingsValidation(this IServiceCollection services)
    {
        const string Storage = StorageOptions.SectionName;
        services.AddOptions<StorageOptions>().ValidateOnStart()
            .Rule($"{Storage}:Storage", o => IsConnectionStringOrServiceUri(o.ConnectionString),
                "must be a Table Storage connection string or a Table service URI (https://<account>.table.core.windows.net)")
            .Rule($"{Storage}:TablePrefix", o => IsTablePrefix(o.TablePrefix),
                "must be empty or up to 40 letters and digits, starting with a letter")
            .Rule($"{Storage}:HealthProbeTimeout", o => o.HealthProbeTimeout > TimeSpan.Zero, "must be positive");

        const string Resilience = StorageResilienceOptions.SectionName;
        services.AddOptions<StorageResilienceOptions>().ValidateOnStart()
            .Rule($"{Resilience}:RequestBudget", o => o.RequestBudget > TimeSpan.Zero, "must be positive")
            .Rule($"{Resilience}:OverallTimeout", o => o.OverallTimeout > TimeSpan.Zero, "must be positive")
            .Rule($"{Resilience}:AttemptTimeout", o => o.AttemptTimeout > TimeSpan.Zero, "must be positive")
            .Rule($"{Resilience}:MaxRetryAttempts", o => o.MaxRetryAttempts is >= 0 and <= 100, "must be between 0 and 100")
            .Rule($"{Resilience}:RetryBaseDelay", o => o.RetryBaseDelay >= TimeSpan.Zero, "must not be negative")
            .Rule($"{Resilience}:BreakFailureRatio", o => o.BreakFailureRatio is > 0 and <= 1, "must be above 0 and at most 1")
            .Rule($"{Resilience}:BreakMinimumThroughput", o => o.BreakMinimumThroughput >= 2, "must be at least 2")
            .Rule($"{Resilience}:BreakSamplingDuration", o => o.BreakSamplingDuration >= HalfSecond, "must be at least 00:00:00.5")
            .Rule($"{Resilience}:BreakDuration", o => o.BreakDuration >= HalfSecond, "must be at least 00:00:00.5")
            .Rule($"{Resilience}:ChaosFaultRate", o => o.ChaosFaultRate is >= 0 and <= 1, "must be between 0 and 1")
            .Rule($"{Resilience}:ChaosLostResponseRate", o => o.ChaosLostResponseRate is >= 0 and <= 1, "must be between 0 and 1");

        const string Index = IndexSyncOptions.SectionName;
        services.AddOptions<IndexSyncOptions>().ValidateOnStart()
            .Rule($"{Index}:RefreshInterval", o => o.RefreshInterval > TimeSpan.Zero, "must be positive")
            .Rule($"{Index}:ClockSkewAllowance", o => o.ClockSkewAllowance >= TimeSpan.Zero, "must not be negative")
            .Rule($"{Index}:FullReloadInterval", o => o.FullReloadInterval > TimeSpan.Zero, "must be positive")
            .Rule($"{Index}:ChangeLogRetention", o => o.ChangeLogRetention > TimeSpan.Zero, "must be positive");

        const string Snapshot = IndexSnapshotOptions.SectionName;
        services.AddOptions<IndexSnapshotOptions>().ValidateOnStart()
            .Rule($"{Snapshot}:Interval", o => o.Interval > TimeSpan.Zero, "must be positive")
            .Rule($"{Snapshot}:AfterChanges", o => o.AfterChanges >= 1, "must be at least 1")
            .Rule($"{Snapshot}:CheckInterval", o => o.CheckInterval > TimeSpan.Zero, "must be positive")
            .Rule($"{Snapshot}:Keep", o => o.Keep >= 1, "must be at least 1");

        const string Profiles = ProfileCacheOptions.SectionName;
        services.AddOptions<ProfileCacheOptions>().ValidateOnStart()
            .Rule($"{Profiles}:RefreshInterval", o => o.RefreshInterval > TimeSpan.Zero, "must be positive")
            .Rule($"{Profiles}:MaxStaleness", o => o.MaxStaleness >= TimeSpan.Zero, "must not be negative")
            .Rule($"{Profiles}:MaxAge", o => o.MaxAge >= TimeSpan.Zero, "must not be negative")
            .Rule($"{Profiles}:Capacity", o => o.Capacity >= 1, "must be at least 1");

        const string Api = ApiOptions.SectionName;
        services.AddOptions<ApiOptions>().ValidateOnStart()
            .Rule($"{Api}:AdminKey", o => o.AdminKey is null || !string.IsNullOrWhiteSpace(o.AdminKey), "must not be blank when set")
            .Rule($"{Api}:MaxBodyBytes", o => o.MaxBodyBytes > 0, "must be positive")
            .Rule($"{Api}:MaxItems", o => o.MaxItems >= 1, "must be at least 1");

        const string Digest = DigestOptions.SectionName;
        services.AddOptions<DigestOptions>().ValidateOnStart()
            .Rule($"{Digest}:TopPerProfile", o => o.TopPerProfile >= 1, "must be at least 1")
            .Rule($"{Digest}:CongestionMultiplier", o => double.IsFinite(o.CongestionMultiplier) && o.CongestionMultiplier > 0,
                "must be positive")
            .Rule($"{Digest}:CandidatesPerProfile", o => o.CandidatesPerProfile >= o.TopPerProfile, "must be at least TopPerProfile")
            .Rule($"{Digest}:RedeliverWeeks", o => o.RedeliverWeeks >= 0, "must not be negative");

        const string Webhook = WebhookOptions.SectionName;
        services.AddOptions<WebhookOptions>().ValidateOnStart()
            .Rule($"{Webhook}:MaxAttempts", o => o.MaxAttempts >= 1, "must be at least 1")
            .Rule($"{Webhook}:RetryBaseDelay", o => o.RetryBaseDelay >= TimeSpan.Zero, "must not be negative")
            .Rule($"{Webhook}:AttemptTimeout", o => o.AttemptTimeout > TimeSpan.Zero, "must be positive");

        services.AddOptions<HireOptions>().ValidateOnStart()
            .Rule($"{HireOptions.SectionName}:MaxShareOfForeignOpening", o => o.MaxShareOfForeignOpening is > 0 and <= 1, "must be above 0 and at most 1")
            .Rule($"{HireOptions.SectionName}:MaxForeignPerDay", o => o.MaxForeignPerDay >= 0, "must not be negative");

        services.AddOptions<RateLimitOptions>().ValidateOnStart()
            .Rule($"{RateLimitOptions.SectionName}:RequestsPerMinute", o => o.RequestsPerMinute >= 0, "must not be negative (0: no limit)")
            .Rule($"{RateLimitOptions.SectionName}:WalkInMatchesPerHour", o => o.WalkInMatchesPerHour >= 0, "must not be negative (0: no limit)");

        services.AddOptions<AuditOptions>().ValidateOnStart()
            .Rule($"{AuditOptions.SectionName}:RetentionDays", o => o.RetentionDays >= 1, "must be at least 1");

        services.AddOptions<RetentionOptions>().ValidateOnStart()
            .Rule($"{RetentionOptions.SectionName}:ProfileMonths", o => o.ProfileMonths is >= 1 and <= 120, "must be a whole number of months from 1 to 120");

        services.AddOptions<CentreOptions>().ValidateOnStart()
            .Rule($"{CentreOptions.SectionName}:CacheFor", o => o.CacheFor >= TimeSpan.Zero, "must not be negative");

        services.AddOptions<SigningKeyOptions>().ValidateOnStart()
            .Rule($"{SigningKeyOptions.SectionName}:SigningKey", o => o.SigningKey is null || IsKey(o.SigningKey),
                "must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`)");

        services.AddOptions<ScoringWeights>().ValidateOnStart()
            .Validate(w => w.Problem() is null,
                $"{AppServiceCollectionExtensions.ScoringSection}: weights must be finite and non-negative, and one positive");
        return services;
    }

    private static OptionsBuilder<T> Rule<T>(this OptionsBuilder<T> options, string setting, Func<T, bool> holds, string requirement)
        where T : class =>
        options.Validate(holds, $"{setting} {requirement}.");

    private static bool IsKey(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var length) && length >= 32;
    }

    private static bool IsTablePrefix(string prefix) =>
        prefix.Length <= 40 && prefix.All(char.IsAsciiLetterOrDigit) && (prefix.Length == 0 || char.IsAsciiLetter(prefix[0]));

    private static bool IsConnectionStringOrServiceUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp
            : value.Contains('=', StringComparison.Ordinal);
}
