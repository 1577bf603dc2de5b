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
    public void TryParse_AcceptsOnlyWeeksThatExist(string text, bool valid) =>
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
}
