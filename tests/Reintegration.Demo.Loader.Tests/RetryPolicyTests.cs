namespace Reintegration.Demo.Loader.Tests;

public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy Policy = new() { MaxAttempts = 5, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

    [Fact]
    public void ParseRetryAfter_Seconds_IsThatLong() =>
        Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.ParseRetryAfter(" 5 ", Now));

    [Fact]
    public void ParseRetryAfter_HttpDate_IsTheTimeUntilThen() =>
        Assert.Equal(TimeSpan.FromSeconds(90), RetryPolicy.ParseRetryAfter("Sat, 28 Nov 2026 10:01:30 GMT", Now));

    [Fact]
    public void ParseRetryAfter_DateAlreadyPast_IsZero() =>
        Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter("Sat, 28 Nov 2026 09:00:00 GMT", Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    public void ParseRetryAfter_MissingOrUnreadable_IsNull(string? value) =>
        Assert.Null(RetryPolicy.ParseRetryAfter(value, Now));

    [Fact]
    public void DelayAfter_ServerAskedForADelay_WaitsThatLong() =>
        Assert.Equal(TimeSpan.FromSeconds(7), Policy.DelayAfter(1, TimeSpan.FromSeconds(7)));

    [Fact]
    public void DelayAfter_NoRetryAfter_DoublesEachAttempt() =>
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)],
            Enumerable.Range(1, 4).Select(attempt => Policy.DelayAfter(attempt, null)!.Value));

    [Fact]
    public void DelayAfter_LongerThanMaxDelay_IsCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.DelayAfter(1, TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromSeconds(30), (Policy with { MaxAttempts = 20 }).DelayAfter(12, null));
    }

    [Fact]
    public void DelayAfter_LastAttempt_GivesUp() =>
        Assert.Null(Policy.DelayAfter(Policy.MaxAttempts, TimeSpan.FromSeconds(1)));
}
