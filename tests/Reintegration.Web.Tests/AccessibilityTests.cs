using Microsoft.Playwright;
using Reintegration.Web.Tests.Infrastructure;

namespace Reintegration.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EveryPage_HasNoSeriousOrCriticalAxeViolation()
    {
        var page = await fixture.NewPageAsync();
        var found = new List<string>();
        async Task CheckAsync(string name)
        {
            found.AddRange((await Pages.SeriousViolationsAsync(page)).Select(v => $"{name}: {v}"));
        }

        await page.GotoAsync("/");
        await page.Locator("h1").WaitForAsync();
        await CheckAsync("sign in");
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await Pages.WaitForCaseloadAsync(page);
        await CheckAsync("caseload");
        await page.GotoAsync("/#/people/new");
        await page.GetByLabel("Centre reference").WaitForAsync();
        await CheckAsync("new person");
        await page.GotoAsync($"/#/people/{fixture.Caseload.BannedId}");
        await Assertions.Expect(page.GetByLabel("Centre reference")).ToHaveValueAsync(Caseload.BannedRef);
        await CheckAsync("person");
        await page.GotoAsync($"/#/people/{fixture.Caseload.BannedId}/matches");
        await page.Locator("article.match").First.WaitForAsync();
        await CheckAsync("matches");
        await page.GotoAsync("/#/import");
        await page.GetByLabel("CSV file").WaitForAsync();
        await CheckAsync("import");
        await page.GotoAsync("/#/digest");
        await page.Locator("article.digest-entry").First.WaitForAsync();
        await CheckAsync("digest");
        await Pages.ScreenshotAsync(page, "digest");

        var admin = await fixture.NewPageAsync();
        await Pages.SignInAsync(admin, WebApp.AdminKey);
        await admin.Locator("section.panel table tbody tr").First.WaitForAsync();
        page = admin;
        await CheckAsync("admin");

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task MainFlow_CanBeDoneWithTheKeyboardAlone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await TabToAsync(page, "input#f-key");
        await page.Keyboard.TypeAsync(fixture.Caseload.CentreKey);
        await page.Keyboard.PressAsync("Enter");
        await Pages.WaitForCaseloadAsync(page);

        // Find the banned person, and go from the caseload to her matches.
        await TabToAsync(page, "input#f-search");
        await page.Keyboard.TypeAsync(Caseload.BannedRef);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("table.people tbody tr")).ToHaveCountAsync(1);
        await TabToAsync(page, $"a[href='#/people/{fixture.Caseload.BannedId}/matches']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Matches for {Caseload.BannedName}");
        await page.Locator("article.match").First.WaitForAsync();

        // Record that she applied to the first opening.
        await TabToAsync(page, "article.match select");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("article.match").First.GetByRole(AriaRole.Status)).ToHaveTextAsync("Recorded: Applied.");

        // Ask why a Russian opening is not offered.
        await TabToAsync(page, "input#f-whyNot_openingId");
        await page.Keyboard.TypeAsync(fixture.Caseload.RussianOpeningId);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".verdict")).ToContainTextAsync(Caseload.BanUntil);
    }

    /// <summary>Presses Tab until the element matching the selector has the focus (at most 300 times).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 300; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}.");
    }
}
