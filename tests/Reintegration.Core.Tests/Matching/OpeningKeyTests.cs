using Reintegration.Matching.Index;

namespace Reintegration.Tests.Matching;

/// <summary>The index key says whether an opening has a position left and whether it asks for a licence, as the opening does.</summary>
public sealed class OpeningKeyTests
{
    [Theory]
    [InlineData(2, false, true, false)]
    [InlineData(3, false, false, false)]
    [InlineData(0, true, true, true)]
    public void Of_PositionsLeftAndLicencesAsked(int filled, bool asksALicence, bool hasUnfilled, bool needsLicence)
    {
        var listing = Build.Opening("kz-1", "KZ", "Almaty", o => o with { Positions = 3, Licences = asksALicence ? ["crane"] : [] }, filled);

        var key = OpeningKey.Of(Build.Engine.Compile(listing));

        Assert.Equal((hasUnfilled, needsLicence), (key.HasUnfilled, key.NeedsLicence));
    }
}
