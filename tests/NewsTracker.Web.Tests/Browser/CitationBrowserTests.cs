using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsTracker.Web.Tests.Browser;

/// <summary>From the timeline to the sentence a fact came from, and to an event's own page, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitationBrowserTests(BrowserApp browser, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task A_source_excerpt_on_the_timeline_leads_to_its_sentence_scrolled_into_view_and_marked()
    {
        // Phone size, and the excerpt citing the latest sentence on the page: the article must scroll to reach it.
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        var hrefs = await page.Locator("article.event .excerpt a[href^='/articles/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.Matches(@"^/articles/\d+#s\d+$", h));
        string href = hrefs.MaxBy(h => int.Parse(h[(h.IndexOf("#s") + 2)..]))!;
        var entry = page.Locator("article.event", new() { Has = page.Locator($"a[href='{href}']") }).First;
        await entry.Locator("details > summary").ClickAsync();
        var excerpt = entry.Locator(".excerpt", new() { Has = page.Locator($"a[href='{href}']") }).First;
        string sentence = Squash(await excerpt.Locator("blockquote").InnerTextAsync());

        await excerpt.Locator($"a[href='{href}']").ClickAsync();
        await page.ArrivedAtAsync(new Regex(Regex.Escape(href) + "$"));

        var target = page.Locator(href[href.IndexOf('#')..]);
        await AssertMarkedInViewAsync(page, target);
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "the page did not scroll to the sentence");
        // The marked sentence is the excerpt (the speaker labels inside its claims aside).
        string marked = await target.EvaluateAsync<string>("e => { const c = e.cloneNode(true); c.querySelectorAll('.who').forEach(w => w.remove()); return c.textContent; }");
        Assert.Equal(sentence, Squash(marked));
        await Screenshots.SaveAsync(page, "journey-cited-sentence", output, fullPage: false);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_key_quote_leads_to_the_sentence_it_was_said_in()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var quote = page.Locator("article.event .key-quote").First;
        string said = Squash(await quote.Locator("q").InnerTextAsync());
        var citation = quote.Locator("a[href^='/articles/']");
        string href = (await citation.GetAttributeAsync("href"))!;
        Assert.Matches(@"^/articles/\d+#s\d+$", href);

        await citation.ClickAsync();
        await page.ArrivedAtAsync(new Regex(Regex.Escape(href) + "$"));

        var target = page.Locator(href[href.IndexOf('#')..]);
        await AssertMarkedInViewAsync(page, target);
        await Expect(target.Locator("mark.claim", new() { HasTextString = said })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task An_entrys_title_opens_the_event_page_whose_reports_cite_their_sentences()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var entry = page.Locator("article.event", new() { Has = page.Locator(".participants") }).First;
        var title = entry.Locator("h3 a");
        string name = Squash(await title.InnerTextAsync());
        var participants = await entry.Locator(".participants a").AllInnerTextsAsync();

        await title.ClickAsync();
        await page.ArrivedAtAsync(new Regex(@"/events/\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(name)));
        // The same people in the same order, principals first.
        Assert.Equal(participants, await page.Locator(".participant-list li a").AllInnerTextsAsync());
        var report = page.Locator("section.outlet .excerpt").First;
        await Expect(report).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "journey-event", output);

        var citation = report.Locator("a[href^='/articles/']");
        string href = (await citation.GetAttributeAsync("href"))!;
        string sentence = Squash(await report.Locator("blockquote").InnerTextAsync());
        await citation.ClickAsync();
        await page.ArrivedAtAsync(new Regex(Regex.Escape(href) + "$"));
        var target = page.Locator(href[href.IndexOf('#')..]);
        await AssertMarkedInViewAsync(page, target);
        Assert.Contains(sentence, Squash(await target.InnerTextAsync()));
        await page.Context.CloseAsync();
    }

    /// <summary>The element is the page's :target, on screen, and drawn unlike the article's other sentences.</summary>
    static async Task AssertMarkedInViewAsync(IPage page, ILocator target)
    {
        await Expect(target).ToHaveCountAsync(1);
        await Expect(target).ToBeInViewportAsync();
        Assert.True(await target.EvaluateAsync<bool>("e => e.matches(':target')"), "the cited sentence is not the page's :target");
        string background = await target.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        var others = await page.Locator(".article-body .sentence:not(:target)").EvaluateAllAsync<string[]>("all => all.map(e => getComputedStyle(e).backgroundColor)");
        Assert.All(others, b => Assert.NotEqual(background, b));
    }

    static string Squash(string s) => Regex.Replace(s, @"\s+", " ").Trim();
}
