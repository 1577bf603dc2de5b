using System.Globalization;
using Reintegration.Localisation;

namespace Reintegration.Tests.Localisation;

/// <summary>
/// The values a sentence writes straight into its buffer: each reads as pinned, in each language's separator,
/// and each says when the room it is given is too small (the sentence's buffer then grows and asks again).
/// </summary>
public sealed class WrittenInPlaceTests
{
    private static readonly Words Russian = Words.For("ru");

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-0.4, "0")]
    [InlineData(-999, "-999")]
    [InlineData(-1000, "-1,000")]
    [InlineData(-1_234_567.5, "-1,234,568")]
    [InlineData(999_999.5, "1,000,000")]
    public void Grouped_NegativeZeroAndCarriedAmounts_ReadAsFormatStringWould(decimal amount, string expected) =>
        Assert.Equal(expected, Words.English.Amount(amount).ToString());

    [Fact]
    public void Grouped_LargestAndSmallestEightByteWholes_AreWrittenOnBothPaths()
    {
        // long.MinValue has no positive counterpart: it goes the way of amounts beyond eight bytes.
        Assert.Equal("9,223,372,036,854,775,807", Words.English.Amount(long.MaxValue).ToString());
        Assert.Equal("-9,223,372,036,854,775,808", Words.English.Amount(long.MinValue).ToString());
        Assert.Equal("9,223,372,036,854,775,808", Words.English.Amount(long.MaxValue + 1m).ToString());
        Assert.Equal("-9,223,372,036,854,775,807", Words.English.Amount(long.MinValue + 1m).ToString());
    }

    [Fact]
    public void Grouped_SmallestDecimal_InRussian_SetsEveryThousandApartByANonBreakingSpace() =>
        Assert.Equal("-79 228 162 514 264 337 593 543 950 335".Replace(' ', '\u00A0'), Russian.Amount(decimal.MinValue).ToString());

    [Fact]
    public void Grouped_InAnInterpolatedSentence_ReadsAsItsString() =>
        Assert.Equal("about 12,345 km", $"about {Words.English.Amount(12_345m)} km");

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Grouped_IntoRoomTooSmall_SaysSoAndWritesNothing(int room, bool fits)
    {
        var destination = new char[room];

        var written = Words.English.Amount(12_345m).TryFormat(destination, out var length, default, null);

        Assert.Equal(fits, written);
        Assert.Equal(fits ? 6 : 0, length);
        Assert.Equal(fits ? "12,345" : "", new string(destination, 0, length));
    }

    [Fact]
    public void Money_OneAmount_IsWrittenOnce() =>
        Assert.Equal("1,000 USD (≈ 1,000 USD)", Words.English.Money(1000m, 1000m, "USD", 1000m).ToString());

    [Fact]
    public void Money_ARange_InRussian_IsWrittenWithADashAndNonBreakingSpaces() =>
        Assert.Equal("3\u00A0700–5\u00A0800 TJS (≈ 511 USD)", Russian.Money(3700m, 5800m, "TJS", 510.6m).ToString());

    [Fact]
    public void Money_IntoRoomTooSmall_SaysSo()
    {
        var money = Words.English.Money(3700m, 5800m, "TJS", 511m);
        var text = money.ToString();

        Assert.False(money.TryFormat(new char[text.Length - 1], out _, default, null));
        Assert.True(money.TryFormat(new char[text.Length], out var length, default, null));
        Assert.Equal(text.Length, length);
    }

    [Fact]
    public void IsoDate_AskedForAnotherFormat_IsStillYearMonthDay()
    {
        var date = new IsoDate(new DateOnly(2027, 1, 10));
        var destination = new char[10];

        Assert.True(date.TryFormat(destination, out var length, "d", CultureInfo.InvariantCulture));
        Assert.Equal("2027-01-10", new string(destination, 0, length));
        Assert.Equal("2027-01-10", date.ToString("d", CultureInfo.InvariantCulture));
        Assert.Equal("starts 2027-01-10.", $"starts {date}.");
        Assert.False(date.TryFormat(new char[9], out _, default, null));
    }

    [Fact]
    public void Counted_IsTheCountThenTheWord() => Assert.Equal("21 год", new Counted(21, "год").ToString());

    [Fact]
    public void Listing_None_WritesNothing_NotEvenWhatSurroundsIt() =>
        Assert.Equal("asked.", $"asked{new Listing(["a"], 0, 0).Between(" (", ")")}.");

    [Fact]
    public void Listing_ARunOfAnArray_IsJoinedByCommas_BetweenWhatSurroundsIt() =>
        Assert.Equal("asked (b, c, d).", $"asked{new Listing(["a", "b", "c", "d", "e"], 1, 3).Between(" (", ")")}.");

    [Fact]
    public void Listing_WithNothingAround_IsTheNamesAlone() => Assert.Equal("x, y", new Listing(["x", "y"], 0, 2).ToString());

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void Listing_IntoRoomTooSmall_SaysSoAndWritesNothing(int room)
    {
        var listing = new Listing(["ab", "cd"], 0, 2).Between("(", ")");

        Assert.False(listing.TryFormat(new char[room], out var length, default, null));
        Assert.Equal(0, length);
        Assert.True(listing.TryFormat(new char[8], out length, default, null));
        Assert.Equal(8, length);
    }
}
