using Microsoft.Playwright;
using Reintegration.Web.Tests.Infrastructure;

namespace Reintegration.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CsvWithOneBadLine_IsReportedByLine_AndTheOthersAreSaved()
    {
        const string Csv = """
            externalRef,displayName,citizenship,status,homeCountry,homeCity,occupations,consent,consentGivenOn
            IMP-0001,A. K.,TJ,returningMigrant,TJ,Khujand,7212:6,true,2026-11-01
            IMP-0002,B. K.,TJ,returningMigrant,TJ,Khujand,7212:many,true,2026-11-01
            IMP-0003,C. K.,UZ,refugee,TJ,Dushanbe,5230:2,true,2026-11-01

            """;
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "people.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(Csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 created, 0 updated, 1 rejected.");
        var rows = page.Locator("table.rejected tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First.Locator("th")).ToHaveTextAsync("3");
        await Assertions.Expect(rows.First).ToContainTextAsync("occupations");
        await Pages.ScreenshotAsync(page, "import");
    }
}
