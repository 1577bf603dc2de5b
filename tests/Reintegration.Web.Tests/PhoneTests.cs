using Microsoft.Playwright;
using Reintegration.Web.Tests.Infrastructure;

namespace Reintegration.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OnAPhone_NoPageIsWiderThanTheScreen()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        var wider = new List<string>();
        async Task CheckAsync(string name)
        {
            var (content, screen) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
                await page.EvaluateAsync<int>("() => window.innerWidth"));
            if (content > screen)
            {
                wider.Add($"{name}: {content} px on a {screen} px screen");
            }
        }

        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await Pages.WaitForCaseloadAsync(page);
        await CheckAsync("caseload");
        await Pages.ScreenshotAsync(page, "caseload-phone");
        await page.GotoAsync($"/#/people/{fixture.Caseload.BannedId}");
        await Assertions.Expect(page.GetByLabel("Centre reference")).ToHaveValueAsync(Caseload.BannedRef);
        await CheckAsync("person");
        await page.GotoAsync($"/#/people/{fixture.Caseload.BannedId}/matches");
        await page.Locator("article.match").First.WaitForAsync();
        await CheckAsync("matches");
        await page.GotoAsync("/#/digest");
        await page.Locator("article.digest-entry").First.WaitForAsync();
        await CheckAsync("digest");

        Assert.True(wider.Count == 0, string.Join("\n", wider));
    }
}
