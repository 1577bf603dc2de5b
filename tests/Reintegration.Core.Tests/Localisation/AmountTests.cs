using System.Globalization;
using Reintegration.Localisation;

namespace Reintegration.Tests.Localisation;

/// <summary>Amounts are written digit by digit for speed; they must read exactly as the format string "#,0" writes them.</summary>
public sealed class AmountTests
{
    public static TheoryData<decimal> Amounts =>
        [0m, 0.5m, 1.5m, 2.5m, 7m, 999.5m, 1000m, 3700m, 12_345.49m, 1_234_567.5m, 99_999_999_999m, -1234.6m];

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Amount_InEnglish_IsRoundedHalfToEvenWithCommas(decimal amount) =>
        Assert.Equal(Math.Round(amount).ToString("#,0", CultureInfo.InvariantCulture), Words.English.Amount(amount).ToString());

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Amount_InRussian_SetsThousandsApartByANonBreakingSpace(decimal amount) =>
        Assert.Equal(
            Math.Round(amount).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '\u00A0'),
            Words.All.Single(w => w.Code == "ru").Amount(amount).ToString());

    [Fact]
    public void Amount_BeyondAWholeNumberOfEightBytes_IsStillWritten() =>
        Assert.Equal("79,228,162,514,264,337,593,543,950,335", Words.English.Amount(decimal.MaxValue).ToString());
}
