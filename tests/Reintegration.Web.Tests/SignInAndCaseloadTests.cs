using Microsoft.Playwright;
using Xunit.Abstractions;
using Reintegration.Web.Tests.Infrastructure;

namespace Reintegration.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInAndCaseloadTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>The budget for the first load on a slow connection: sign-in page and caseload, compressed.</summary>
    private const long BudgetBytes = 400 * 1000;

    [Fact]
    public async Task SignIn_ShowsTheCaseload_WithBansAvailabilityAndMatchCounts()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await Pages.WaitForCaseloadAsync(page);

        Assert.Equal(20, await page.Locator("table.people tbody tr").CountAsync());
        var banned = page.Locator("table.people tbody tr", new() { HasText = Caseload.BannedRef });
        if (await banned.CountAsync() == 0)
        {
            // The API lists people in the order of their ids, which differ on every run.
            await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
            await Pages.WaitForCaseloadAsync(page);
        }

        await Assertions.Expect(banned).ToContainTextAsync("Russia until " + Caseload.BanUntil);
        await Assertions.Expect(banned).ToContainTextAsync("Returnee");
        Assert.Equal("Khujand Employment Centre", await page.Locator("header .who").TextContentAsync());
        await Pages.ScreenshotAsync(page, "caseload");
    }

    [Fact]
    public async Task Caseload_IsPaged()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await Pages.WaitForCaseloadAsync(page);
        Assert.Equal(20, await page.Locator("table.people tbody tr").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Page 2")).ToBeVisibleAsync();
        await Pages.WaitForCaseloadAsync(page);
        Assert.True(await page.Locator("table.people tbody tr").CountAsync() >= Caseload.PeopleCount - 20);
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.people tbody tr")).ToHaveCountAsync(20);
    }

    [Fact]
    public async Task Search_FindsAPersonByReferenceOrName()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await page.GetByLabel("Search by reference or name").FillAsync("m. a.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("table.people tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.people tbody tr")).ToContainTextAsync(Caseload.BannedRef);
    }

    [Fact]
    public async Task SignInAndCaseload_TransferAtMostTheBudget()
    {
        var page = await fixture.NewPageAsync();
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => requests.Add(request);
        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        await Pages.WaitForCaseloadAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long total = 0;
        foreach (var request in requests.ToList())
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize + sizes.RequestBodySize + sizes.RequestHeadersSize;
        }

        var measured = $"Sign-in and caseload: {total:N0} bytes in {requests.Count} requests.";
        output.WriteLine(measured);
        Assert.True(total <= BudgetBytes, $"{measured} The budget is {BudgetBytes:N0}.");
        Assert.True(requests.Count > 20, "The caseload should have loaded the page and each row's count of matches.");
    }

    [Fact]
    public async Task WrongKey_SaysSo_AndSignOut_ForgetsTheKey()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Pages.ScreenshotAsync(page, "sign-in");
        await page.GetByLabel("Centre key or admin key").FillAsync("rc_not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This key is not valid");

        await Pages.SignInAsync(page, fixture.Caseload.CentreKey);
        Assert.NotNull(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('reintegration.session')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Centre key or admin key")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('reintegration.session')"));
    }
}
