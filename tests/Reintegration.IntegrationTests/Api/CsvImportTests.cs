using System.Net;
using System.Text;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

public sealed class CsvImportTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _centre = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        (_centre, _) = await _app.CentreAsync();
    }

    public async Task DisposeAsync()
    {
        _centre.Dispose();
        await _app.DisposeAsync();
    }

    private Task<HttpResponseMessage> ImportAsync(string csv) =>
        _centre.PostAsync("/api/profiles/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private const string Header = "externalRef,displayName,citizenship,status,fledCountries,homeCountry,homeCity,occupations,languages,bans,skills,relocationWilling,relocationCountries,minWageAmount,minWageCurrency,consent,consentGivenOn";

    [Fact]
    public async Task Import_GoodAndBadLines_StoresTheGoodAndReportsTheBadByLine()
    {
        var csv = string.Join("\n",
            Header,
            "CSV-1,A. B.,TJ,returningMigrant,,TJ,Khujand,7212:6,ru:B2;tg:C2,RU:2025-03-01:2030-03-01,mig welding;blueprint reading,true,KZ;KG,4000,TJS,true,2026-11-01",
            "CSV-2,C. D.,XX,returningMigrant,,TJ,Khujand,7212:6,ru:B2,,,false,,,,true,2026-11-01",
            "CSV-3,\"E., F.\",AF,refugee,AF,TJ,Dushanbe,9313:2,fa:C2,,,true,,,,true,2026-11-01",
            "CSV-4,G. H.,TJ,returningMigrant,,TJ,Khujand,7212:x,ru:B2,,,false,,,,true,01.11.2026",
            "CSV-5,I. J.,TJ,returningMigrant,,TJ,Khujand,7212:3,ru:B2,,,false,,,,false,2026-11-01");

        var body = await HttpAssert.OkAsync(await ImportAsync(csv));

        Assert.Equal(2, body.GetProperty("created").GetInt32());
        Assert.Equal(0, body.GetProperty("updated").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray());
        Assert.Equal([3, 5, 6], rejected.Keys.Order());
        Assert.Equal(["citizenship"], rejected[3]);
        Assert.Equal(["consent.givenOn", "occupations[0].years"], rejected[5]);
        Assert.Equal(["consent.dataProcessing"], rejected[6]);
        var stored = await HttpAssert.OkAsync(await _centre.GetAsync("/api/profiles"));
        Assert.Equal(["CSV-1", "CSV-3"], stored.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("externalRef").GetString()).Order());
    }

    [Fact]
    public async Task Import_RowWithAnUnreadableCellAndABrokenRule_ReportsBoth_AtTheLineTheRowStarts()
    {
        var csv = string.Join("\n",
            Header,
            "CSV-M,\"A.\nB.\",XX,returningMigrant,,TJ,Khujand,7212:six,ru:B2,,,false,,,,true,2026-11-01");

        var body = await HttpAssert.OkAsync(await ImportAsync(csv));

        var rejected = body.GetProperty("rejected").EnumerateArray().Single();
        Assert.Equal(2, rejected.GetProperty("line").GetInt32());
        Assert.Equal(["citizenship", "displayName", "occupations[0].years"], rejected.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Import_CellsOfTheWrongFormat_SayWhatIsExpected_InTheWordsOfTheJsonRoute()
    {
        var csv = string.Join("\n",
            Header,
            "CSV-W,A. B.,TJ,returningMigrant,,TJ,Khujand,7212:six,ru:B2,RU:01.03.2025:2030-03-01,,yes,,4000,TJS,TRUE,2026-11-01");

        var body = await HttpAssert.OkAsync(await ImportAsync(csv));

        var errors = body.GetProperty("rejected").EnumerateArray().Single().GetProperty("errors");
        Assert.Equal("Expected a whole number, such as 6.", errors.GetProperty("occupations[0].years")[0].GetString());
        Assert.Equal("Expected a date written yyyy-MM-dd, such as 2030-03-01.", errors.GetProperty("bans[0].from")[0].GetString());
        Assert.Equal("Expected true or false.", errors.GetProperty("relocationWilling")[0].GetString());
        Assert.Equal(["bans[0].from", "occupations[0].years", "relocationWilling"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Theory]
    [InlineData("returningMigrant, refugee")]
    [InlineData("returningMigrant;refugee")]
    [InlineData("1")]
    public async Task Import_StatusThatIsNotExactlyOneName_IsRejected(string status)
    {
        var csv = Header + $"\nCSV-E,A. B.,TJ,\"{status}\",,TJ,Khujand,7212:6,ru:B2,,,false,,,,true,2026-11-01\n";

        var body = await HttpAssert.OkAsync(await ImportAsync(csv));

        var errors = body.GetProperty("rejected").EnumerateArray().Single().GetProperty("errors");
        Assert.Equal("Expected one of: returningMigrant, refugee.", errors.GetProperty("status")[0].GetString());
        Assert.Equal(0, body.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Import_MegabyteOfBadRows_ListsTheFirstHundredWithinTheBound_AndCountsThemAll()
    {
        var bad = "CSV-X,A. B.,XX,deportee,,TJ,Atlantis,7212:x;1:2:3;a;b;c;d;e;f;g;h;i;j;k,zz:Z9,RU:x:y,,maybe,QQ;WW,-5,ABC,no,yesterday";
        var rows = Enumerable.Range(0, 1_000_000 / bad.Length).Select(i => bad.Replace("CSV-X", $"CSV-{i}", StringComparison.Ordinal)).ToList();
        var csv = Header + "\n" + string.Join("\n", rows);

        var response = await ImportAsync(csv);
        var text = await response.Content.ReadAsStringAsync();

        var body = await HttpAssert.OkAsync(response);
        Assert.Equal(rows.Count, body.GetProperty("rejectedCount").GetInt32());
        Assert.InRange(body.GetProperty("rejected").GetArrayLength(), 1, 100);
        Assert.True(text.Length <= Math.Max(64 * 1024, 4 * csv.Length), $"the answer is {text.Length} bytes for a {csv.Length}-byte file");
        Assert.True(text.Length < 1024 * 1024, $"the answer is {text.Length} bytes");
        Assert.Equal(0, body.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Import_ManyBadRowsInASmallFile_StaysWithin64KiB()
    {
        var bad = "B,A,XX,x,,TJ,Atlantis,1:x;2:y;3:z;4:w;5:v;6:u,zz:Z9;yy:Y8,RU:x:y;KZ:a:b,,x,QQ;WW,-1,ABC,x,x";
        var csv = Header + "\n" + string.Join("\n", Enumerable.Range(0, 100).Select(i => bad.Replace("B,A", $"B{i},A", StringComparison.Ordinal)));

        var response = await ImportAsync(csv);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(text.Length <= 64 * 1024 + 100, $"the answer is {text.Length} bytes for a {csv.Length}-byte file");
        Assert.Equal(100, (await HttpAssert.OkAsync(response)).GetProperty("rejectedCount").GetInt32());
    }

    [Fact]
    public async Task Import_SameFileTwice_UpdatesInsteadOfCreating()
    {
        var csv = Header + "\nCSV-A,A. B.,TJ,returningMigrant,,TJ,Khujand,7212:6,ru:B2,,,false,,,,true,2026-11-01\n";
        await HttpAssert.OkAsync(await ImportAsync(csv));

        var again = await HttpAssert.OkAsync(await ImportAsync(csv));

        Assert.Equal((0, 1), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));
    }

    [Fact]
    public async Task Import_UnknownColumn_Is400ForTheWholeFile()
    {
        var response = await ImportAsync(Header + ",passportNumber\nX,A. B.,TJ,returningMigrant,,TJ,Khujand,7212:6,ru:B2,,,false,,,,true,2026-11-01,AB123\n");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "$");
        Assert.Contains("passportNumber", problem.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AsJson_Is415() =>
        await HttpAssert.ProblemAsync(await _centre.PostJsonAsync("/api/profiles/import", "{}"), HttpStatusCode.UnsupportedMediaType);
}
