using System.Text;
using System.Text.Json;
using Reintegration.Domain;
using Reintegration.Validation;

namespace Reintegration.Tests.Json;

public sealed class TolerantJsonTests
{
    private static JsonRead<Profile> Read(string json) =>
        TolerantJson.Read(Encoding.UTF8.GetBytes(json), ReintegrationJsonContext.Default.Profile);

    private static IReadOnlyDictionary<string, string[]> Errors(string json) => Read(json).Errors.ToDictionary();

    private static string Sample(params (string From, string To)[] changes) =>
        changes.Aggregate(Samples.ProfileJson, (json, change) =>
            json.Contains(change.From, StringComparison.Ordinal) ? json.Replace(change.From, change.To, StringComparison.Ordinal)
            : throw new ArgumentException($"'{change.From}' is not in the sample."));

    [Fact]
    public void Read_ValidProfile_ReadsItWithNoError()
    {
        var read = Read(Samples.ProfileJson);

        Assert.True(read.Errors.IsEmpty);
        Assert.Equal(
            JsonSerializer.Serialize(Samples.Profile(), ReintegrationJsonContext.Default.Profile),
            JsonSerializer.Serialize(read.Value!, ReintegrationJsonContext.Default.Profile));
    }

    [Fact]
    public void Read_FourMistakesOfFourKinds_ReportsEachAtItsPathWithWhatIsExpected()
    {
        var errors = Errors(Sample(
            ("\"until\": \"2030-03-01\"", "\"until\": \"01.03.2030\""),
            ("\"years\": 6", "\"years\": \"six\""),
            ("\"voluntaryRepatriation\": false", "\"voluntaryRepatriation\": \"no\""),
            ("\"status\": \"returningMigrant\"", "\"status\": \"deportee\"")));

        Assert.Equal(["bans[0].until", "occupations[0].years", "status", "voluntaryRepatriation"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Expected.Date], errors["bans[0].until"]);
        Assert.Equal([Expected.WholeNumber], errors["occupations[0].years"]);
        Assert.Equal([Expected.Boolean], errors["voluntaryRepatriation"]);
        Assert.Equal(["Expected one of: returningMigrant, refugee."], errors["status"]);
    }

    [Fact]
    public void Read_BadValues_KeepsTheRestOfTheDocument()
    {
        var read = Read(Sample(("\"until\": \"2030-03-01\"", "\"until\": \"01.03.2030\""), ("\"availableFrom\": \"2026-12-01\"", "\"availableFrom\": \"soon\"")));

        Assert.Equal("RU", read.Value!.Bans.Single().Country);
        Assert.Null(read.Value.Bans.Single().Until);
        Assert.Null(read.Value.AvailableFrom);
        Assert.Equal("DUSH-2026-0042", read.Value.ExternalRef);
    }

    [Theory]
    [InlineData("""{ "home": "Khujand" }""", "home", Expected.Object)]
    [InlineData("""{ "occupations": { "isco": "7212" } }""", "occupations", Expected.Array)]
    [InlineData("""{ "occupations": [ { "isco": 7212 } ] }""", "occupations[0].isco", Expected.Text)]
    [InlineData("""{ "minMonthlyWage": { "amount": "4000" } }""", "minMonthlyWage.amount", Expected.Number)]
    [InlineData("""{ "occupations": [ { "isco": "7212", "years": 99999999999 } ] }""", "occupations[0].years", Expected.WholeNumber)]
    [InlineData("""{ "home": { "lat": "40.28" } }""", "home.lat", Expected.Number)]
    [InlineData("""{ "bans": null }""", "bans", Expected.NotNull)]
    [InlineData("""{ "home": null }""", "home", Expected.NotNull)]
    [InlineData("""{ "status": 1 }""", "status", "Expected one of: returningMigrant, refugee.")]
    [InlineData("""{ "status": "returningMigrant, refugee" }""", "status", "Expected one of: returningMigrant, refugee.")]
    [InlineData("""{ "consent": { "givenOn": "2026-02-30" } }""", "consent.givenOn", Expected.Date)]
    [InlineData("""{ "skills": [ "welding", 5 ] }""", "skills[1]", Expected.Text)]
    public void Read_WrongTypeOrFormat_SaysWhatIsExpectedAtThePath(string json, string path, string message)
    {
        var errors = Errors(json);

        Assert.Equal([message], errors[path]);
    }

    [Fact]
    public void Read_UnknownProperties_AreEachListedWithTheOtherMistakes()
    {
        var errors = Errors("""{ "nickname": "x", "home": { "zip": "735700", "lat": "north" } }""");

        Assert.Equal(["home.lat", "home.zip", "nickname"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Unknown property 'zip': it is not part of the contract."], errors["home.zip"]);
    }

    [Fact]
    public void Read_PropertyGivenTwice_IsRefused()
    {
        var errors = Errors("""{ "externalRef": "A", "externalRef": "B" }""");

        Assert.Equal(["Given more than once."], errors["externalRef"]);
    }

    [Theory]
    [InlineData("""{ "externalRef": "A", """)]
    [InlineData("""{ "lat": NaN }""")]
    [InlineData("[")]
    public void Read_MalformedJson_IsOneErrorAtTheRootSayingWhere(string json)
    {
        var read = Read(json);

        Assert.Null(read.Value);
        var error = Assert.Single(read.Errors.ToDictionary());
        Assert.Equal("$", error.Key);
        Assert.StartsWith("Malformed JSON (line 1, byte ", Assert.Single(error.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithPrefix_PutsItBeforeEveryPath()
    {
        var read = TolerantJson.Read(Encoding.UTF8.GetBytes("""{ "bans": [ { "until": "x" } ], "home": 5 }"""), ReintegrationJsonContext.Default.Profile, "[3].");

        Assert.Equal(["[3].bans[0].until", "[3].home"], read.Errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_NullItemOfAList_StaysNullWithoutAnError()
    {
        var read = Read("""{ "languages": [ null, { "code": "ru", "level": "B2" } ] }""");

        Assert.True(read.Errors.IsEmpty);
        Assert.Null(read.Value!.Languages[0]);
    }

    [Fact]
    public void Read_Codes_AreStoredInTheirCanonicalCase()
    {
        var profile = Read(Sample(
            ("\"citizenship\": \"TJ\"", "\"citizenship\": \"tj\""),
            ("\"country\": \"RU\"", "\"country\": \"ru\""),
            ("{ \"code\": \"ru\", \"level\": \"B2\" }", "{ \"code\": \"RU\", \"level\": \"b2\" }"),
            ("\"currency\": \"TJS\"", "\"currency\": \"tjs\""),
            ("[ \"KZ\", \"KG\" ]", "[ \"kz\", \"Kg\" ]"))).Value!;

        Assert.Equal("TJ", profile.Citizenship);
        Assert.Equal("RU", profile.Bans[0].Country);
        Assert.Equal(("ru", "B2"), (profile.Languages[0].Code, profile.Languages[0].Level));
        Assert.Equal("TJS", profile.MinMonthlyWage!.Currency);
        Assert.Equal(["KZ", "KG"], profile.Relocation.Countries);
    }
}
