using Microsoft.Playwright;

namespace Reintegration.Web.Tests.Infrastructure;

/// <summary>
/// One Azurite, one app with its caseload, and one Debian Chromium for all the browser tests (each test opens a
/// context of its own, so no session or storage is shared between them).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private Azurite? _azurite;
    private WebApp? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address => _app!.Address;

    public Caseload Caseload { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium.");
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")),
            "The web app is not built: scripts/test.sh builds it (scripts/build-web.mjs) before the tests.");
        _azurite = await Azurite.StartAsync();
        _app = await WebApp.StartAsync(_azurite);
        Caseload = await Caseload.CreateAsync(_app.Address);
        // The machine is shared with the other test projects running at the same time: waits are generous.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser context (a tab of its own, with its own session storage) at a laptop's size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
