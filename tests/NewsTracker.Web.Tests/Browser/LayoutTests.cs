using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsTracker.Web.Tests.Browser;

/// <summary>Keyboard use, landmarks, phone width and dark mode, measured in the browser; screenshots of the main pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserApp browser, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task The_skip_link_and_the_keyboard_alone_reach_the_filters_and_apply_one()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);

        // The first Tab lands on the skip link, which then shows on screen.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Skip to content");
        await Expect(skip).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "keyboard-skip-link-focused", output);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/#main$"));

        // The next Tab starts inside main: the first leader box. Space ticks it, Tabs reach the button, Enter applies.
        await page.Keyboard.PressAsync("Tab");
        var firstBox = page.Locator("input[name=actor]").First;
        await Expect(firstBox).ToBeFocusedAsync();
        string slug = (await firstBox.GetAttributeAsync("value"))!;
        await page.Keyboard.PressAsync("Space");
        await Expect(firstBox).ToBeCheckedAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Show events" });
        for (int i = 0; i < 60 && !await button.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(button).ToBeFocusedAsync();
        // A keyboard user sees where the focus is.
        string outline = await button.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        // The form submits to the current address, so the #main the skip link added stays on.
        await page.ArrivedAtAsync(new Regex($"[?&]actor={slug}(&|#|$)"));
        await Expect(page.Locator($"input[name=actor][value={slug}]")).ToBeCheckedAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The main pages at desktop and phone width, in light and dark: readable text, no sideways scrolling, screenshots.</summary>
    [ChromiumTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Main_pages_fit_a_phone_and_keep_readable_contrast(string scheme)
    {
        var colorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light;
        int articleId = await browser.App.WithDbAsync(db =>
            db.Claims.GroupBy(c => c.ArticleId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        // The most reported event, and the latest sentence cited by one of its reports (so the page has to scroll to it).
        var report = await browser.App.WithDbAsync(db => db.EventReports
            .Where(r => r.EventId == db.EventReports.GroupBy(x => x.EventId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).First())
            .OrderByDescending(r => r.SentenceStart).Select(r => new { r.EventId, r.ArticleId, r.SentenceStart }).FirstAsync());
        (string Name, string Url)[] pages =
        [
            ("timeline", "/"),
            ("timeline-filtered", "/?actor=vladimir-putin&topic=security-guarantees"),
            ("actor", "/actors/vladimir-putin"),
            ("topic", "/topics/security-guarantees"),
            ("article", $"/articles/{articleId}"),
            ("article-cited-sentence", $"/articles/{report.ArticleId}#s{report.SentenceStart}"),
            ("event", $"/events/{report.EventId}"),
            ("feeds", "/feeds"),
        ];

        foreach (var (width, height, device) in new[] { (1280, 900, "desktop"), (390, 844, "phone") })
        {
            var page = await browser.NewPageAsync(width, height, colorScheme);
            foreach (var (name, url) in pages)
            {
                var response = await page.GotoAsync(url);
                Assert.True(response!.Ok, $"GET {url}: {response.Status}");
                // Open the excerpts and source sentences so that their text is measured and shown too.
                if (name is "timeline-filtered" or "actor")
                    await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

                bool darkBackground = await page.EvaluateAsync<bool>("""
                    () => { const m = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).map(Number);
                            return (m[0] + m[1] + m[2]) / 3 < 80; }
                    """);
                Assert.True(darkBackground == (scheme == "dark"), $"{url} in {scheme}: the background is {(darkBackground ? "dark" : "light")}");
                double contrast = await PageChecks.AssertTextContrastAsync(page);
                if (device == "phone") await PageChecks.AssertNoHorizontalOverflowAsync(page);
                output.WriteLine($"{device} {scheme} {url}: body contrast {contrast:0.0}");
                await Screenshots.SaveAsync(page, $"{device}-{scheme}-{name}", output);
            }
            await page.Context.CloseAsync();
        }
    }
}
