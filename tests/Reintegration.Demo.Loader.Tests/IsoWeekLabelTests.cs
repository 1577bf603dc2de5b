namespace Reintegration.Demo.Loader.Tests;

public sealed class IsoWeekLabelTests
{
    [Fact]
    public void Of_LateNovember2026_IsWeek48() =>
        Assert.Equal("2026-W48", IsoWeekLabel.Of(new DateOnly(2026, 11, 28)));

    [Fact]
    public void Of_EarlyWeek_IsPaddedToTwoDigits() =>
        Assert.Equal("2026-W02", IsoWeekLabel.Of(new DateOnly(2026, 1, 5)));

    [Fact]
    public void Of_NewYearsDayInAFiftyThirdWeek_BelongsToThePreviousYear() =>
        Assert.Equal("2026-W53", IsoWeekLabel.Of(new DateOnly(2027, 1, 1)));

    [Fact]
    public void Of_LastDaysOfDecemberInWeekOne_BelongToTheNextYear() =>
        Assert.Equal("2025-W01", IsoWeekLabel.Of(new DateOnly(2024, 12, 30)));
}
