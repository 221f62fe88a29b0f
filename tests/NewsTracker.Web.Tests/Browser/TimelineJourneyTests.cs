using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsTracker.Web.Tests.Browser;

/// <summary>A reader's way through the app in a real browser: filter the timeline, go back, read the sources, meet the actors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineJourneyTests(BrowserApp browser, ITestOutputHelper output)
{
    const string Putin = "vladimir-putin";
    const string Topic = "security-guarantees";

    [ChromiumFact]
    public async Task Filtering_by_a_leader_then_a_topic_narrows_the_timeline_and_Back_restores_each_filter()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var events = page.Locator("article.event");
        await Expect(events.First).ToBeVisibleAsync();
        int all = await events.CountAsync();
        await Expect(page.Locator(".active-filters strong")).ToHaveTextAsync($"{all} events");

        // A leader: every event shown includes him, and the filter lives in the URL.
        await page.Locator($"input[name=actor][value={Putin}]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex($"[?&]actor={Putin}(&|$)"));
        int withPutin = await events.CountAsync();
        Assert.InRange(withPutin, 1, all - 1);
        await Expect(events.Filter(new() { HasNot = page.Locator($".participants a[href='/actors/{Putin}']") })).ToHaveCountAsync(0);
        await Expect(page.Locator(".active-filters strong")).ToHaveTextAsync(CountLine(withPutin));
        await Expect(page.Locator(".active-filters .chip")).ToHaveTextAsync(new Regex("with Vladimir Putin"));
        await Expect(page.Locator($"input[name=actor][value={Putin}]")).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "journey-filtered-putin", output);

        // And a topic: both filters in the URL, the count line matches the events, each event is on the topic.
        string topicName = (await page.Locator($"label:has(input[name=topic][value={Topic}]) > span:not(.muted)").TextContentAsync())!.Trim();
        await page.Locator($"input[name=topic][value={Topic}]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex($"[?&]topic={Topic}(&|$)"));
        Assert.Matches($"[?&]actor={Putin}(&|$)", page.Url);
        int both = await events.CountAsync();
        Assert.InRange(both, 1, withPutin);
        await Expect(page.Locator(".active-filters strong")).ToHaveTextAsync(CountLine(both));
        await Expect(page.Locator(".active-filters .chip")).ToHaveCountAsync(2);
        await Expect(events.Filter(new() { HasNot = page.Locator($".participants a[href='/actors/{Putin}']") })).ToHaveCountAsync(0);
        await Expect(events.Filter(new() { HasNotText = topicName })).ToHaveCountAsync(0);
        foreach (var topics in await events.Locator("p.muted", new() { HasTextString = "Topics:" }).AllTextContentsAsync())
            Assert.Contains(topicName, topics);

        // Back: the leader-only timeline returns, with its boxes and count as they were.
        await page.GoBackAsync();
        await page.ArrivedAtAsync(new Regex($"/\\?actor={Putin}$"));
        Assert.Matches($"[?&]actor={Putin}(&|$)", page.Url);
        await Expect(page.Locator($"input[name=actor][value={Putin}]")).ToBeCheckedAsync();
        await Expect(page.Locator($"input[name=topic][value={Topic}]")).Not.ToBeCheckedAsync();
        await Expect(page.Locator(".active-filters strong")).ToHaveTextAsync(CountLine(withPutin));
        await Expect(events).ToHaveCountAsync(withPutin);

        // Back again: the whole timeline, nothing ticked.
        await page.GoBackAsync();
        await page.ArrivedAtAsync(new Regex(@"^http://[^/]+/$"));
        await Expect(page.Locator("input[type=checkbox]:checked")).ToHaveCountAsync(0);
        await Expect(events).ToHaveCountAsync(all);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Source_excerpts_open_and_lead_to_the_article_with_its_marked_claims_and_the_original()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var first = page.Locator("article.event").First;
        var excerpt = first.Locator(".excerpt").First;
        await Expect(excerpt).ToBeHiddenAsync();

        await first.Locator("details > summary", new() { HasTextString = "Source excerpts" }).ClickAsync();
        await Expect(excerpt).ToBeVisibleAsync();
        string sentence = (await excerpt.Locator("blockquote").InnerTextAsync()).Trim();
        Assert.True(sentence.Length > 20, $"excerpt too short: “{sentence}”");
        var articleLink = excerpt.Locator("a[href^='/articles/']");
        string title = (await articleLink.InnerTextAsync()).Trim();
        await Screenshots.SaveAsync(page, "journey-excerpt-open", output);

        await articleLink.ClickAsync();
        await page.ArrivedAtAsync(new Regex(@"/articles/\d+#s\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page).ToHaveTitleAsync(new Regex(Regex.Escape(title)));
        var claims = page.Locator("mark.claim");
        await Expect(claims.First).ToBeVisibleAsync();
        Assert.True(await claims.CountAsync() > 0);
        // Every marked claim names its speaker with a link to the speaker's page.
        await Expect(claims.Filter(new() { HasNot = page.Locator("a.who[href^='/actors/']") })).ToHaveCountAsync(0);
        var original = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Read the original") });
        await Expect(original).ToBeVisibleAsync();
        Assert.Matches("^https?://", await original.GetAttributeAsync("href"));
        // The excerpt is the article's own sentence (the speaker labels inside the marks aside).
        string body = await page.EvaluateAsync<string>("""
            () => { const b = document.querySelector('.article-body').cloneNode(true);
                    b.querySelectorAll('.who').forEach(w => w.remove()); return b.textContent; }
            """);
        Assert.Contains(Squash(sentence), Squash(body));
        await Screenshots.SaveAsync(page, "journey-article", output);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_participant_link_opens_the_actor_page_which_leads_back_to_their_timeline()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var participant = page.Locator("article.event .participants a").First;
        string name = (await participant.InnerTextAsync()).Trim();
        string href = (await participant.GetAttributeAsync("href"))!;
        Assert.Matches("^/actors/[a-z0-9-]+$", href);
        string slug = href["/actors/".Length..];

        await participant.ClickAsync();
        await page.ArrivedAtAsync(new Regex(Regex.Escape(href) + "$"));
        await Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quotes and statements" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Events" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "journey-actor", output);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Timeline of events with {name}" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex($"[?&]actor={slug}(&|$)"));
        await Expect(page.Locator($"input[name=actor][value={slug}]")).ToBeCheckedAsync();
        var events = page.Locator("article.event");
        await Expect(events.First).ToBeVisibleAsync();
        await Expect(events.Filter(new() { HasNot = page.Locator($".participants a[href='/actors/{slug}']") })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    static string CountLine(int n) => n == 1 ? "1 event" : $"{n} events";

    static string Squash(string s) => Regex.Replace(s, @"\s+", " ").Trim();
}
