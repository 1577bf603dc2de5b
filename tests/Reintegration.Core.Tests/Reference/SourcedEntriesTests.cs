using Reintegration.Reference;

namespace Reintegration.Tests.Reference;

/// <summary>Every entry a caseworker's advice rests on names its sources and the day it was last checked.</summary>
public sealed class SourcedEntriesTests
{
    private static readonly ReferenceData Reference = ReferenceData.Shared;

    /// <summary>The day the files were first written: no entry can have been checked before it.</summary>
    private static readonly DateOnly FirstWritten = new(2026, 11, 1);

    [Fact]
    public void Mobility_EveryEntry_HasSourcesAndTheDayItWasChecked() =>
        Assert.All(Reference.Mobility.All, r => AssertSourced(r.Sources, r.VerifiedOn, $"{r.Citizenship} → {r.Destination}"));

    [Fact]
    public void BanAreas_EveryArea_HasSourcesTheDayItWasCheckedAndAnExplanationInBothLanguages() =>
        Assert.All(Reference.BanAreas.All, a =>
        {
            AssertSourced(a.Sources, a.VerifiedOn, a.Id);
            Assert.False(string.IsNullOrWhiteSpace(a.ExplanationEn), a.Id);
            Assert.Contains(a.ExplanationRu, c => c is >= 'А' and <= 'я');
        });

    [Fact]
    public void Currencies_EveryCurrency_HasSourcesAndTheDayItWasChecked() =>
        Assert.All(Reference.Currencies.All, c => AssertSourced(c.Sources, c.VerifiedOn, c.Code));

    [Fact]
    public void Mobility_CitizenshipOutsideTheTable_IsADefaultNobodyChecked()
    {
        var regime = Reference.Mobility.Find("SY", "KZ");

        Assert.Null(regime.VerifiedOn);
        Assert.Empty(regime.Sources);
    }

    [Theory]
    [InlineData(""" "verifiedOn": "2026-11-29" """, "AF → TJ names no sources")]
    [InlineData(""" "sources": [], "verifiedOn": "2026-11-29" """, "AF → TJ names no sources")]
    [InlineData(""" "sources": ["s"] """, "AF → TJ has no verifiedOn")]
    [InlineData(""" "sources": ["s", "t"], "verifiedOn": "2026-11-29" """, "missing from the file's table: t")]
    public void Mobility_EntryWithoutSourcesOrDate_IsRefusedNamingIt(string sourcesAndDate, string message)
    {
        const string row = """ "citizenship": "AF", "destination": "TJ", "pathway": "visaAndPermit", "obtainEn": "x", "obtainRu": "x" """;
        var json = $$"""{ "sources": { "s": "A law" }, "regimes": [ { {{row}}, {{sourcesAndDate}} } ] }""";

        var error = Assert.Throws<InvalidDataException>(() => MobilityTable.Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BanAreas_AreaWithoutSources_IsRefusedNamingIt()
    {
        var json = BanAreasJson(""" "explanationEn": "x", "explanationRu": "х", "verifiedOn": "2026-11-29" """);

        var error = Assert.Throws<InvalidDataException>(() => BanAreas.Parse(json));

        Assert.Contains("union-state names no sources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BanAreas_AreaWithoutAnExplanation_IsRefusedNamingIt()
    {
        var json = BanAreasJson(""" "explanationEn": "x", "sources": ["s"], "verifiedOn": "2026-11-29" """);

        var error = Assert.Throws<InvalidDataException>(() => BanAreas.Parse(json));

        Assert.Contains("union-state lacks explanationEn or explanationRu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Currencies_CurrencyWithoutADate_IsRefusedNamingIt()
    {
        const string json = """
            { "sources": { "cbr": "Bank of Russia" },
              "currencies": [ { "code": "RUB", "nameEn": "R", "nameRu": "Р", "unitsPerUsd": 81, "sources": ["cbr"] } ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => Currencies.Parse(json));

        Assert.Contains("RUB has no verifiedOn", error.Message, StringComparison.Ordinal);
    }

    private static string BanAreasJson(string rest) => $$"""
        { "sources": { "s": "A law" },
          "areas": [ { "id": "union-state", "nameEn": "U", "nameRu": "С", "countries": ["BY", "RU"], {{rest}} } ] }
        """;

    private static void AssertSourced(IReadOnlyList<string> sources, DateOnly? verifiedOn, string entry)
    {
        Assert.True(sources.Count > 0, $"{entry} names no sources");
        Assert.All(sources, s => Assert.True(s.Length > 10, $"{entry} cites '{s}', not a citation"));
        Assert.True(verifiedOn >= FirstWritten, $"{entry} has no verifiedOn on or after {FirstWritten:yyyy-MM-dd}");
    }
}
