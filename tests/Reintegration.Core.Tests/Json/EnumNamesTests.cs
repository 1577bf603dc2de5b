using System.Text.Json;
using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Tests.Json;

/// <summary>Every enum of the contract reads exactly one of its names, in any case, and nothing else.</summary>
public sealed class EnumNamesTests
{
    [Theory]
    [InlineData("applied", PlacementOutcome.Applied)]
    [InlineData("Hired", PlacementOutcome.Hired)]
    [InlineData("REJECTED", PlacementOutcome.Rejected)]
    public void Outcome_OneNameInAnyCase_IsRead(string text, PlacementOutcome expected)
    {
        Assert.True(EnumNames<PlacementOutcome>.TryParse(text, out var outcome));
        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData("interviewed, hired")]
    [InlineData("hired,rejected")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData(" hired")]
    [InlineData("hired ")]
    [InlineData("")]
    [InlineData(null)]
    public void Outcome_AnythingButOneName_IsRefused(string? text) =>
        Assert.False(EnumNames<PlacementOutcome>.TryParse(text, out _));

    [Theory]
    [InlineData("returningMigrant, refugee")]
    [InlineData("3")]
    [InlineData("refugee|returningMigrant")]
    public void Status_CommaListOrNumber_IsRefused(string text) =>
        Assert.False(EnumNames<PersonStatus>.TryParse(text, out _));

    [Theory]
    [InlineData("\"freeMovement\"", Pathway.FreeMovement)]
    [InlineData("\"visaandpermit\"", Pathway.VisaAndPermit)]
    public void Pathway_ReadFromJson_AnyCase(string json, Pathway expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize(json, ReintegrationJsonContext.Default.Options.GetTypeInfo(typeof(Pathway))));

    [Theory]
    [InlineData("\"domestic, workPermit\"")]
    [InlineData("1")]
    public void Pathway_CommaListOrNumberInJson_IsRefused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, ReintegrationJsonContext.Default.Options.GetTypeInfo(typeof(Pathway))));

    [Fact]
    public void Names_AreCamelCaseInDeclarationOrder()
    {
        Assert.Equal(["returningMigrant", "refugee"], EnumNames<PersonStatus>.All);
        Assert.Equal(["applied", "interviewed", "hired", "rejected"], EnumNames<PlacementOutcome>.All);
        Assert.Equal(["domestic", "freeMovement", "workPermit", "visaAndPermit"], EnumNames<Pathway>.All);
        Assert.Equal(["reentryBan", "nonRefoulement", "relocation", "closed", "refugeesNotAccepted", "licence"], EnumNames<ExclusionReason>.All);
    }

    [Fact]
    public void Write_UsesTheCamelCaseName() =>
        Assert.Equal("\"visaAndPermit\"", JsonSerializer.Serialize(Pathway.VisaAndPermit, ReintegrationJsonContext.Default.Options.GetTypeInfo(typeof(Pathway))));
}
