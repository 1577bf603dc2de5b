using Microsoft.Playwright;
using Reintegration.Web.Tests.Infrastructure;

namespace Reintegration.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MatchesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task BannedReturnee_SeesNoOpeningInTheBansCountries_AndLearnsWhyARussianOneIsNotOffered()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GotoAsync($"/#/people/{fixture.Caseload.BannedId}/matches");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Matches for {Caseload.BannedName}");
        await page.Locator("article.match").First.WaitForAsync();

        var headings = await page.Locator("article.match h2").AllTextContentsAsync();
        Assert.NotEmpty(headings);
        Assert.DoesNotContain(headings, h => h.Contains("(Russia)", StringComparison.Ordinal));
        Assert.DoesNotContain(headings, h => h.Contains("(Belarus)", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.Contains("(Tajikistan)", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("section.excluded"))
            .ToContainTextAsync($"3 openings are closed to this person by the ban: Russia until {Caseload.BanUntil}.");
        await Assertions.Expect(page.Locator("article.match").First.Locator(".parts meter")).ToHaveCountAsync(7);
        await Pages.ScreenshotAsync(page, "matches");

        await page.GetByLabel("Opening id").FillAsync(fixture.Caseload.RussianOpeningId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(page.Locator(".verdict")).ToContainTextAsync("Not offered:");
        await Assertions.Expect(page.Locator(".verdict")).ToContainTextAsync(Caseload.BanUntil);

        await page.GetByRole(AriaRole.Button, new() { Name = "Show them" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Why not: Cashier" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".verdict")).ToContainTextAsync(Caseload.BanUntil);
    }

    [Fact]
    public async Task Filters_ByCountryAndPathway_NarrowTheOpenings()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GotoAsync($"/#/people/{fixture.Caseload.BannedId}/matches");
        await page.Locator("article.match").First.WaitForAsync();

        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("KZ");
        await Assertions.Expect(page.Locator("article.match h2")).ToHaveTextAsync(["Cashier, Almaty (Kazakhstan)"]);
        await page.GetByLabel("Legal pathway").SelectOptionAsync("domestic");
        await Assertions.Expect(page.Locator("article.match")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("No opening is offered with these filters.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RecordingAHire_LowersTheOpeningsFreePositions()
    {
        var page = await fixture.NewPageAsync();
        // Another of the centre's people, so that the other tests' person keeps her matches.
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GotoAsync($"/#/people/{fixture.Caseload.OtherId}/matches");
        var card = page.Locator("article.match", new() { HasText = "Cashier, Khujand (Tajikistan)" });
        await card.Locator("summary").ClickAsync();
        await Assertions.Expect(card.Locator("dd.free")).ToHaveTextAsync("2 of 2 positions free");

        await card.GetByLabel("Outcome").SelectOptionAsync("hired");
        await card.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Hired. The opening now has 1 of 2 positions free.");
        await Assertions.Expect(card.Locator("dd.free")).ToHaveTextAsync("1 of 2 positions free");
    }
}
