using Reintegration.Digests;

namespace Reintegration.Tests.Digests;

public sealed class IsoWeekTests
{
    [Theory]
    [InlineData("2026-11-28", "2026-W48")]
    [InlineData("2026-11-30", "2026-W49")]
    [InlineData("2027-01-01", "2026-W53")]
    [InlineData("2025-12-29", "2026-W01")]
    public void Of_Date_IsItsIsoWeek(string date, string expected) =>
        Assert.Equal(expected, IsoWeek.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Theory]
    [InlineData("2026-W48", true)]
    [InlineData("2026-W53", true)]
    [InlineData("2025-W53", false)]
    [InlineData("2026-W00", false)]
    [InlineData("2026-48", false)]
    [InlineData("2026-w48", false)]
    [InlineData("26-W48", false)]
    [InlineData("2026-W4' or '1", false)]
    [InlineData("2000-W01", true)]
    [InlineData("2999-W52", true)]
    [InlineData("1999-W52", false)]
    [InlineData("3000-W01", false)]
    [InlineData("2026-W54", false)]
    [InlineData("2026-W01", true)]
    [InlineData("2026_W48", false)]
    [InlineData("2026-X48", false)]
    [InlineData("2026-W+1", false)]
    [InlineData("+026-W01", false)]
    [InlineData(null, false)]
    public void TryParse_AcceptsOnlyWeeksThatExist(string? text, bool valid) =>
        Assert.Equal(valid, IsoWeek.TryParse(text, out _));

    [Theory]
    [InlineData("2026-W48")]
    [InlineData("2025-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-W54")]
    [InlineData("2026-w48")]
    [InlineData("1999-W10")]
    [InlineData("3000-W10")]
    [InlineData("2026-W4' or '1")]
    public void Pattern_RefusesNoWeekTryParseReads_AndAcceptsOnlyW53Beyond(string text)
    {
        var matches = System.Text.RegularExpressions.Regex.IsMatch(text, IsoWeek.Pattern);

        Assert.True(matches || !IsoWeek.TryParse(text, out _), $"{text}: read, but the pattern refuses it");
        var w53 = text.EndsWith("-W53", StringComparison.Ordinal);
        Assert.True(!matches || IsoWeek.TryParse(text, out _) || w53, $"{text}: the pattern accepts it");
    }

    [Fact]
    public void Monday_AndPrevious_FollowTheCalendar()
    {
        Assert.True(IsoWeek.TryParse("2026-W01", out var week));

        Assert.Equal(new DateOnly(2025, 12, 29), week.Monday);
        Assert.Equal("2025-W52", week.Previous.ToString());
    }

    [Fact]
    public void TryParse_ReadsYearAndWeek()
    {
        Assert.True(IsoWeek.TryParse("2027-W09", out var week));

        Assert.Equal(new IsoWeek(2027, 9), week);
    }

    [Fact]
    public void Of_Instant_IsTheWeekOfItsUtcDay() =>
        Assert.Equal("2026-W49", IsoWeek.Of(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.FromHours(-5))).ToString());

    [Theory]
    [InlineData("2026-W01", "2025-W52", 1)]
    [InlineData("2025-W52", "2026-W01", -1)]
    [InlineData("2026-W10", "2026-W09", 1)]
    [InlineData("2026-W09", "2026-W10", -1)]
    [InlineData("2026-W10", "2026-W10", 0)]
    public void CompareTo_OrdersByYearThenWeek(string a, string b, int expected)
    {
        Assert.True(IsoWeek.TryParse(a, out var x));
        Assert.True(IsoWeek.TryParse(b, out var y));

        Assert.Equal(expected, Math.Sign(x.CompareTo(y)));
    }
}
