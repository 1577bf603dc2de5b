using Microsoft.Playwright;
using Reintegration.Web.Tests.Infrastructure;

namespace Reintegration.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SwitchingToRussian_ShowsThePageAndTheReasonsInRussian_AndBack()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GotoAsync($"/#/people/{fixture.Caseload.BannedId}/matches");
        var reasons = page.Locator("article.match").First.Locator("ul.reasons");
        await Assertions.Expect(reasons).ToContainTextAsync("Same occupation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Вакансии для {Caseload.BannedName}");
        await Assertions.Expect(reasons).ToContainTextAsync("Та же профессия");
        await Assertions.Expect(page.Locator("section.excluded")).ToContainTextAsync("Россия до " + Caseload.BanUntil);
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        await Pages.ScreenshotAsync(page, "matches-ru");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(reasons).ToContainTextAsync("Same occupation");
    }
}
