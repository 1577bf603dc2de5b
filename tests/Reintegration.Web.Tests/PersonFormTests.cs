using Microsoft.Playwright;
using Reintegration.Web.Tests.Infrastructure;

namespace Reintegration.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PersonFormTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ThreeMistakes_ShowThreeMessagesAtTheirFields_AndTheFixedFormSaves()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();
        await page.GetByLabel("Centre reference").FillAsync("KHUJ-2026-0900");
        await page.GetByLabel("Name (initials or a pseudonym)").FillAsync("S. R.");
        await page.GetByLabel("Citizenship (country code)").FillAsync("XX");
        await page.GetByLabel("Country", new() { Exact = true }).FillAsync("TJ");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Khujand");
        await page.GetByLabel("ISCO-08 code").FillAsync("7212");
        await page.GetByLabel("Years").FillAsync("six");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a ban" }).ClickAsync();
        await page.Locator("#f-bans_0__country").FillAsync("RU");
        await page.Locator("#f-bans_0__from").FillAsync("2026-03-01");
        await page.Locator("#f-bans_0__until").FillAsync("2025-03-01");
        await page.GetByLabel("The person consented to the processing of their data").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("#f-citizenship-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-occupations_0__years-errors")).ToContainTextAsync("whole number");
        await Assertions.Expect(page.Locator("#f-bans_0__until-errors")).ToContainTextAsync("before it starts");
        Assert.Equal(3, await page.Locator("ul.errors").CountAsync());
        Assert.Equal("true", await page.GetByLabel("Citizenship (country code)").GetAttributeAsync("aria-invalid"));
        // Nothing typed is lost.
        await Assertions.Expect(page.GetByLabel("Centre reference")).ToHaveValueAsync("KHUJ-2026-0900");
        await Pages.ScreenshotAsync(page, "person-errors");

        await page.GetByLabel("Citizenship (country code)").FillAsync("TJ");
        await page.GetByLabel("Years").FillAsync("6");
        await page.Locator("#f-bans_0__until").FillAsync("2029-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Person: S. R.");
        await Assertions.Expect(page.Locator("ul.errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Years")).ToHaveValueAsync("6");
    }

    [Fact]
    public async Task AChangeSavedElsewhereFirst_IsAConflict_ThatReloads()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GotoAsync($"/#/people/{fixture.Caseload.BannedId}");
        await Assertions.Expect(page.GetByLabel("Centre reference")).ToHaveValueAsync(Caseload.BannedRef);

        // Another caseworker saves the same person in the meantime.
        await fixture.Caseload.MoveHomeAsync(fixture.Address, fixture.Caseload.BannedId, "Kulob");

        await page.GetByLabel("Skills (comma-separated)").FillAsync("cash handling, pos terminal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed this person");
        await Assertions.Expect(page.GetByLabel("Skills (comma-separated)")).ToHaveValueAsync("cash handling, pos terminal");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("City", new() { Exact = true })).ToHaveValueAsync("Kulob");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Dushanbe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
    }

    [Fact]
    public async Task Erase_SaysWhatIsErased_AndRemovesThePerson()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();
        await page.GetByLabel("Centre reference").FillAsync("KHUJ-2026-0950");
        await page.GetByLabel("Name (initials or a pseudonym)").FillAsync("E. R.");
        await page.GetByLabel("Citizenship (country code)").FillAsync("TJ");
        await page.GetByLabel("Country", new() { Exact = true }).FillAsync("TJ");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Khujand");
        await page.GetByLabel("ISCO-08 code").FillAsync("5230");
        await page.GetByLabel("Years").FillAsync("2");
        await page.GetByLabel("The person consented to the processing of their data").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Person: E. R.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Erase", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(dialog).ToContainTextAsync("E. R. (KHUJ-2026-0950)");
        await Assertions.Expect(dialog).ToContainTextAsync("the outcomes recorded and their entries in the digests");
        await Pages.ScreenshotAsync(page, "person-erase");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Erase for good" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Caseload");
        await page.GetByLabel("Search by reference or name").FillAsync("KHUJ-2026-0950");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("0 found");
    }
}
