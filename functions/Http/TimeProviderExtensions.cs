namespace Reintegration.Functions.Http;

public static class TimeProviderExtensions
{
    /// <summary>Today's date in UTC: what validation and matching judge dates against.</summary>
    public static DateOnly UtcToday(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
