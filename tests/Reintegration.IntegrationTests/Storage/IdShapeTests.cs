using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;

namespace Reintegration.IntegrationTests.Storage;

/// <summary>Ids that come back in URLs are checked against their exact shape before they touch a key.</summary>
public sealed class IdShapeTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void HexId_OfTheRightShape_IsAnId() => Assert.True(StableIds.IsId(Hex));

    [Theory]
    [InlineData(Hex + "\n")]
    [InlineData(Hex + "\r\n")]
    [InlineData("\n" + Hex)]
    [InlineData("0123456789ABCDEF0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcde")]
    public void HexId_WithATrailingNewlineOrAnyOtherFlaw_IsNot(string text) => Assert.False(StableIds.IsId(text));

    [Theory]
    [InlineData("KZ-" + Hex, true)]
    [InlineData("KZ-" + Hex + "\n", false)]
    [InlineData("kz-" + Hex, false)]
    public void OpeningId_IsReadOnlyInItsExactShape(string id, bool valid) => Assert.Equal(valid, OpeningIds.TryParse(id, out _));
}
