using Microsoft.Playwright;
using Reintegration.Web.Tests.Infrastructure;

namespace Reintegration.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Admin_RegistersACentre_SeesItsKeyOnce_AndTheKeySignsIn()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, WebApp.AdminKey);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Osh Employment Centre");
        await page.Locator("#f-country").SelectOptionAsync("KG");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        var key = page.Locator(".key-once code");
        await Assertions.Expect(page.Locator(".key-once")).ToContainTextAsync("It is shown only once");
        await Assertions.Expect(page.Locator(".key-once").GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        var issued = await key.TextContentAsync();
        await Pages.ScreenshotAsync(page, "admin");

        var centre = await fixture.NewPageAsync();
        await Pages.SignInAsync(centre, issued!);
        // The centre's language is Russian: its pages open in it.
        await Assertions.Expect(centre.Locator("header .who")).ToHaveTextAsync("Osh Employment Centre");
        Assert.Equal("ru", await centre.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task Admin_PublishesAnOpening_WithErrorsAtTheirFields_ThenClosesIt()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, WebApp.AdminKey);
        var publish = page.Locator("section.panel", new() { HasText = "Publish an opening" });
        await publish.GetByLabel("Reference").FillAsync("WELD-KZ-1");
        await publish.GetByLabel("Employer", new() { Exact = true }).FillAsync("Almaty Metalworks");
        await publish.GetByLabel("Title").FillAsync("Welder");
        await publish.GetByLabel("ISCO-08 code").FillAsync("72");
        await publish.Locator("#f-location_country").SelectOptionAsync("KZ");
        await publish.GetByLabel("City", new() { Exact = true }).FillAsync("Almaty");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(publish.Locator("#f-isco-errors")).ToBeVisibleAsync();

        await publish.GetByLabel("ISCO-08 code").FillAsync("7212");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(publish.GetByRole(AriaRole.Status)).ToContainTextAsync("Published: KZ-");

        var list = page.Locator("section.panel", new() { HasText = "Open openings" });
        await list.Locator("#f-openings_country").SelectOptionAsync("KZ");
        await list.GetByRole(AriaRole.Button, new() { Name = "Close: Welder, Almaty" }).ClickAsync();
        await Assertions.Expect(list.GetByRole(AriaRole.Status)).ToHaveTextAsync("Closed: Welder.");
        await Assertions.Expect(list.GetByRole(AriaRole.Button, new() { Name = "Close: Welder, Almaty" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Admin_RunsAWeeksDigest_AndTheCentreReadsIt()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, WebApp.AdminKey);
        var run = page.Locator("section.panel", new() { HasText = "Run a week's digest" });
        await run.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Assertions.Expect(run.GetByRole(AriaRole.Status)).ToContainTextAsync("digests made");

        var centre = await fixture.NewPageAsync();
        await Pages.SignInAsync(centre, fixture.Caseload.CentreKey);
        await centre.GetByRole(AriaRole.Link, new() { Name = "Digest" }).ClickAsync();
        await Assertions.Expect(centre.Locator("article.digest-entry").First).ToContainTextAsync("Person KHUJ-2026-");
        await Assertions.Expect(centre.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
    }
}
