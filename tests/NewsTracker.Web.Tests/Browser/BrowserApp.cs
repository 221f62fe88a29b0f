using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Browser;

/// <summary>
/// The real app served by Kestrel on 127.0.0.1 (random port) with the bundled sample ingested, and one headless
/// Debian Chromium driven by Playwright. Shared by every browser test (one collection, so they run one at a time);
/// each test opens its own browser context. Does nothing on a machine without Chromium: its tests are skipped.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Without the background-networking flags Chromium keeps calling Google's services, which a closed network refuses.</summary>
    static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    TestApp? _app;
    IPlaywright? _playwright;

    public TestApp App => _app ?? throw new InvalidOperationException(Chromium.SkipReason);
    public IBrowser Browser { get; private set; } = null!;
    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled) return;

        _app = new TestApp();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        await _app.IngestAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');

        // Playwright runs its node driver from the package copied beside the tests (bin/.playwright): nothing is downloaded.
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh context (cookies, history) at this size and colour scheme; close it at the end of the test.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = scheme,
            Locale = "en-GB",
        });
        // Generous: the CI machine is shared, and a loaded one can take seconds to render a page.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>
/// The browser tests run on their own, after the other test classes: Chromium's rendering would otherwise take the CPU
/// from tests with tight timeouts (a 1-second fetch of a 50 MB feed) running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}

public static class PageExtensions
{
    /// <summary>
    /// Waits until the page is at an address matching <paramref name="url"/> and its document is parsed to the end (the
    /// layout's footer is there). Polls instead of Playwright's WaitForURL, whose wait for a load state after a click
    /// twice missed an event that had already fired on a loaded machine and hung until its timeout.
    /// </summary>
    public static async Task ArrivedAtAsync(this IPage page, System.Text.RegularExpressions.Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await Assertions.Expect(page.Locator("footer.site")).ToBeAttachedAsync();
    }
}
