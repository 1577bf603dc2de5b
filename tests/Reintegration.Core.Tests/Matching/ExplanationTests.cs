using Reintegration.Localisation;
using Reintegration.Matching.Explanations;

namespace Reintegration.Tests.Matching;

/// <summary>Rules of the explanations that the pinned verdicts (Localisation/Expected) do not reach.</summary>
public sealed class ExplanationTests
{
    [Theory]
    [InlineData("RU", new[] { "RU", "BY" }, "RU/BY")]
    [InlineData("BY", new[] { "RU", "BY" }, "BY/RU")]
    [InlineData("RU", new[] { "KZ", "AM", "RU", "BY" }, "RU/AM/BY/KZ")]
    [InlineData("KZ", new[] { "KZ" }, "KZ")]
    public void BanArea_IssuerFirst_ThenTheOthersInCodeOrder(string issuer, string[] area, string expected) =>
        Assert.Equal(expected, ExclusionText.BanArea(issuer, area));

    [Fact]
    public void VoluntaryRepatriation_IsWrittenForARefugeeAlone_NotForAReturningMigrantFlaggedSo()
    {
        var migrant = Build.Welder() with { VoluntaryRepatriation = true };

        var verdict = Build.Engine.Judge(migrant, Build.Opening("tj-home", "TJ", "Dushanbe"), Build.Query());

        Assert.NotNull(verdict.Match);
        Assert.DoesNotContain(Words.English.VoluntaryRepatriation, verdict.Match.Reasons);
    }
}
