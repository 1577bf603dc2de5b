using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Reintegration.Web.Tests.Infrastructure;

/// <summary>What a caseworker does on every page, as steps the tests share.</summary>
public static class Pages
{
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "docs", "screenshots");

    public static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Centre key or admin key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^(Caseload|Administration|Люди центра)$"));
    }

    /// <summary>Waits until the caseload's table shows every row's count of matches.</summary>
    public static async Task WaitForCaseloadAsync(IPage page)
    {
        await page.Locator("table.people tbody tr").First.WaitForAsync();
        await Assertions.Expect(page.Locator("table.people tbody td a", new() { HasText = "…" })).ToHaveCountAsync(0);
    }

    /// <summary>Saves the page as docs/screenshots/{name}.png, which the README shows.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = false });
    }

    /// <summary>The serious and critical violations axe finds on the page, each with where it is.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }
}
