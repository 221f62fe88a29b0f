using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsTracker.Web.Data;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Pages.Actors;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Actors;

public sealed class ActorPageTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Actor_page_shows_role_quotes_with_sources_and_events()
    {
        var page = await sample.Client.GetDocumentAsync("/actors/donald-trump");

        Assert.Equal("Donald Trump", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("President of the United States", page.QuerySelector(".profile dl")!.TextContent);

        int claims = await sample.App.WithDbAsync(db => db.Claims.CountAsync(c => c.Speaker!.Slug == "donald-trump"));
        Assert.True(claims > 0);
        var listed = page.QuerySelectorAll("ul.plain li .quote");
        Assert.Equal(claims, listed.Length);
        Assert.Contains(listed, q => q.TextContent.Contains("European nations are going to take a lot of the burden"));
        Assert.NotEmpty(page.QuerySelectorAll(".excerpt a[href^='/articles/']"));
        Assert.Contains("Alaska", page.Body!.TextContent);
    }

    [Fact]
    public async Task Actor_page_shows_who_they_appear_with_a_weekly_chart_and_filters_claims_by_topic()
    {
        var page = await sample.Client.GetDocumentAsync("/actors/vladimir-putin");
        var companions = page.QuerySelectorAll(".companions a").Select(a => a.TextContent).ToList();
        Assert.Contains("Donald Trump", companions);
        int together = await sample.App.WithDbAsync(db => db.Events.CountAsync(e =>
            e.Participants.Any(p => p.Actor!.Slug == "vladimir-putin") && e.Participants.Any(p => p.Actor!.Slug == "donald-trump")));
        Assert.True(together > 0);
        Assert.Contains($", {together} event", page.QuerySelector(".companions a[href='/actors/donald-trump']")!.ParentElement!.TextContent);
        Assert.NotNull(page.QuerySelector("figure.chart svg rect.bar"));

        Assert.NotNull(page.QuerySelector("nav.choices a[href='/actors/vladimir-putin?topic=territory']"));
        var filtered = await sample.Client.GetDocumentAsync("/actors/vladimir-putin?topic=territory");
        int expected = await sample.App.WithDbAsync(db => db.Claims.CountAsync(c => c.Speaker!.Slug == "vladimir-putin" && c.Topics.Contains("territory")));
        Assert.True(expected > 0);
        Assert.Equal(expected, filtered.QuerySelectorAll("ul.plain li .quote").Length);
        var unknown = await sample.Client.GetDocumentAsync("/actors/vladimir-putin?topic=weather", HttpStatusCode.NotFound);
        Assert.Contains("weather", unknown.QuerySelector(".note")!.TextContent);
    }

    [Fact]
    public async Task Actors_index_lists_people_named_in_the_sample()
    {
        var page = await sample.Client.GetDocumentAsync("/actors");
        var names = page.QuerySelectorAll(".grid-actors strong").Select(s => s.TextContent).ToList();
        Assert.Contains("Volodymyr Zelenskyy", names);
        Assert.Contains("Marc Fogel", names);
        Assert.DoesNotContain("Tracey Grover", names); // a byline, not an actor
    }

    [Fact]
    public async Task A_malformed_or_missing_page_of_claims_is_noted_and_the_nearest_page_shown()
    {
        string first = (await sample.Client.GetDocumentAsync("/actors/donald-trump")).QuerySelector("ul.plain")!.TextContent;
        var malformed = await sample.Client.GetDocumentAsync("/actors/donald-trump?p=abc");
        Assert.Contains("“abc” is not a page number", malformed.QuerySelector(".note")!.TextContent);
        Assert.Equal(first, malformed.QuerySelector("ul.plain")!.TextContent);
        var beyond = await sample.Client.GetDocumentAsync("/actors/donald-trump?topic=security-guarantees&p=9");
        Assert.Contains("There is no page 9", beyond.QuerySelector(".note")!.TextContent);
        Assert.NotEmpty(beyond.QuerySelectorAll("ul.plain .quote"));
    }

    [Fact]
    public async Task A_speakers_claims_page_newest_first_through_older_and_newer_links()
    {
        // Every generated article quotes Zelenskyy once, and all share one date: newest first is the latest stored first.
        int items = DetailsModel.ClaimsPerPage * 2 + 9;
        string feed = SampleFeeds.Rss([.. Enumerable.Range(0, items).Select(GeneratedArticles.Item)]);
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(feed)));
        await using var app = new TestApp([server.Url("/feed.xml")]);
        await app.IngestAsync();
        using var client = app.CreateClient();
        var expected = await app.WithDbAsync(db => db.Claims.Where(c => c.Speaker!.Slug == "volodymyr-zelenskyy")
            .OrderByDescending(c => c.ArticleId).Select(c => c.ArticleId).ToListAsync());
        Assert.True(expected.Count > 2 * DetailsModel.ClaimsPerPage);

        var seen = new List<int>();
        string? url = "/actors/volodymyr-zelenskyy";
        for (int page = 1; url is not null; page++)
        {
            var document = await client.GetDocumentAsync(url);
            Assert.Contains($"Page {page} of 3", document.QuerySelectorAll("nav.pager span").Select(x => x.TextContent));
            seen.AddRange(document.QuerySelectorAll("ul.plain .excerpt .source a[href^='/articles/']")
                .Select(a => Citations.Parse(a.GetAttribute("href"))!.Value.ArticleId));
            Assert.Equal(page > 1, document.QuerySelector("nav.pager a[href]")?.TextContent.Contains("Newer") ?? false);
            url = document.QuerySelectorAll("nav.pager a").FirstOrDefault(a => a.TextContent.Contains("Older"))?.GetAttribute("href");
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Each_claims_source_cites_its_sentence()
    {
        var page = await sample.Client.GetDocumentAsync("/actors/donald-trump");
        var articles = new Dictionary<int, AngleSharp.Dom.IDocument>();
        var claims = page.QuerySelectorAll("ul.plain li").Where(li => li.QuerySelector(".quote") is not null).ToList();
        Assert.NotEmpty(claims);
        foreach (var claim in claims)
        {
            var (articleId, start) = Citations.In(claim.QuerySelector(".excerpt .source")!).Single();
            string? sentence = await Citations.SentenceAsync(sample.Client, articles, articleId, start);
            Assert.True(sentence is not null, $"/articles/{articleId} has no element #s{start}");
            Assert.Equal(Citations.Squash(claim.QuerySelector(".excerpt blockquote")!.TextContent), Citations.Squash(sentence));
            Assert.Contains(Citations.Squash(claim.QuerySelector(".quote")!.TextContent.Trim('“', '”', '"')), Citations.Squash(sentence));
        }
    }

    [Fact]
    public async Task Each_event_leads_to_its_page()
    {
        var page = await sample.Client.GetDocumentAsync("/actors/donald-trump");
        var events = await sample.App.WithDbAsync(db => db.EventParticipants.Where(p => p.Actor!.Slug == "donald-trump").Select(p => p.EventId).ToListAsync());
        var links = page.QuerySelectorAll("h2 ~ ul.plain li a[href^='/events/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(events.Select(id => $"/events/{id}").Order(), links.Order());
    }

    [Fact]
    public async Task Unknown_actor_is_a_404_that_says_so()
    {
        var page = await sample.Client.GetDocumentAsync("/actors/no-such-person", HttpStatusCode.NotFound);
        Assert.Contains("no-such-person", page.QuerySelector(".note")!.TextContent);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Article_counts_and_weekly_charts_follow_indexing_reindexing_redating_and_deleting(StoreProvider provider)
    {
        // The counts are kept by triggers, written for each provider: both are run.
        await using var app = new TestApp(provider: provider);
        await app.IngestAsync();
        using var client = app.CreateClient();
        await AssertCountsMatchTheMentionsAsync(app, client);
        var before = await ExpectedAsync(app, "vladimir-putin");

        // Re-indexing an unchanged article deletes and re-inserts its mentions: the counts stay as they were.
        int putinArticle = await app.WithDbAsync(db => db.ActorMentions.Where(m => m.Actor!.Slug == "vladimir-putin").Select(m => m.ArticleId).MinAsync());
        await ReindexAsync(app, putinArticle);
        Assert.Equal(before, await ExpectedAsync(app, "vladimir-putin"));
        Assert.Equal(before, (await ReadPageAsync(client, "vladimir-putin")).Weeks);

        // The same article re-indexed after its text changed to one that no longer names Putin.
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == putinArticle)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, "Zelenskyy met Trump in Washington on Monday to discuss a ceasefire in Ukraine.")));
        await ReindexAsync(app, putinArticle);
        var after = await ExpectedAsync(app, "vladimir-putin");
        Assert.Equal(before.Values.Sum() - 1, after.Values.Sum());
        await AssertCountsMatchTheMentionsAsync(app, client);

        // An article moved to another week (a corrected date) moves in every chart that counts it.
        int zelenskyyArticle = await app.WithDbAsync(db => db.ActorMentions.Where(m => m.Actor!.Slug == "volodymyr-zelenskyy").Select(m => m.ArticleId).MaxAsync());
        var published = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == zelenskyyArticle).Select(a => a.PublishedAt).SingleAsync());
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == zelenskyyArticle)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, published.AddDays(-23))));
        await AssertCountsMatchTheMentionsAsync(app, client);

        // A deleted article is no longer counted.
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == zelenskyyArticle).ExecuteDeleteAsync());
        await AssertCountsMatchTheMentionsAsync(app, client);
    }

    /// <summary>Every actor's page and index entry against a count made here from the mentions and article dates.</summary>
    static async Task AssertCountsMatchTheMentionsAsync(TestApp app, HttpClient client)
    {
        var slugs = await app.WithDbAsync(db => db.Actors.Select(a => a.Slug).ToListAsync());
        var index = await client.GetDocumentAsync("/actors");
        int named = 0;
        foreach (var slug in slugs)
        {
            var expected = await ExpectedAsync(app, slug);
            var page = await ReadPageAsync(client, slug);
            Assert.Equal((slug, expected.Values.Sum()), (slug, page.Articles));
            Assert.Equal(expected, page.Weeks);
            Assert.Equal(await ExpectedTopicsAsync(app, slug), page.Topics);
            var entry = index.QuerySelector($".grid-actors a[href='/actors/{slug}']")?.ParentElement;
            if (expected.Count == 0) { Assert.Null(entry); continue; }
            named++;
            Assert.StartsWith($"{expected.Values.Sum()} article", entry!.QuerySelector(".muted:last-child")!.TextContent);
            int claims = await app.WithDbAsync(db => db.Claims.CountAsync(c => c.Speaker!.Slug == slug));
            Assert.Contains($" · {claims} claim", entry.QuerySelector(".muted:last-child")!.TextContent);
        }
        Assert.True(named > 3);
    }

    /// <summary>Distinct articles naming the actor per Monday-based week, labelled as the chart labels its bars.</summary>
    static async Task<Dictionary<string, int>> ExpectedAsync(TestApp app, string slug)
    {
        var articles = await app.WithDbAsync(db => db.ActorMentions.Where(m => m.Actor!.Slug == slug)
            .Select(m => new { m.ArticleId, m.Article!.PublishedAt }).Distinct().ToListAsync());
        return articles.GroupBy(a =>
            {
                var day = DateOnly.FromDateTime(a.PublishedAt.UtcDateTime);
                return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            })
            .ToDictionary(g => g.Key.ToString("d MMM yyyy"), g => g.Count());
    }

    /// <summary>The actor's claims per topic, as the topic chips link and count them.</summary>
    static async Task<Dictionary<string, int>> ExpectedTopicsAsync(TestApp app, string slug) =>
        (await app.WithDbAsync(db => db.Claims.Where(c => c.Speaker!.Slug == slug).Select(c => c.Topics).ToListAsync()))
            .SelectMany(topics => topics.Distinct()).GroupBy(t => t).ToDictionary(g => $"/actors/{slug}?topic={g.Key}", g => g.Count());

    /// <summary>The page's "Named in" count, its chart's non-empty weeks and its topic chips' counts.</summary>
    static async Task<(int Articles, Dictionary<string, int> Weeks, Dictionary<string, int> Topics)> ReadPageAsync(HttpClient client, string slug)
    {
        var page = await client.GetDocumentAsync($"/actors/{slug}");
        int articles = int.Parse(Regex.Match(page.QuerySelector(".profile dl")!.TextContent, @"Named in\s*(\d+)").Groups[1].Value);
        var weeks = page.QuerySelectorAll("figure.chart rect.bar title")
            .Select(t => Regex.Match(t.TextContent, @"^(.+): (\d+) articles$"))
            .Select(m => (Week: m.Groups[1].Value, Count: int.Parse(m.Groups[2].Value)))
            .Where(w => w.Count > 0)
            .ToDictionary(w => w.Week, w => w.Count);
        var topics = page.QuerySelectorAll("nav.choices a.chip[href*='?topic=']")
            .ToDictionary(a => a.GetAttribute("href")!, a => int.Parse(Regex.Match(a.TextContent, @"\((\d+)\)$").Groups[1].Value));
        return (articles, weeks, topics);
    }

    /// <summary>Re-extraction of one article: its facts are cleared, it is pending again, and the indexer's pending pass redoes it.</summary>
    static async Task ReindexAsync(TestApp app, int articleId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsTrackerDb>();
        await db.ActorMentions.Where(m => m.ArticleId == articleId).ExecuteDeleteAsync();
        await db.Claims.Where(c => c.ArticleId == articleId).ExecuteDeleteAsync();
        await db.ArticleTopics.Where(t => t.ArticleId == articleId).ExecuteDeleteAsync();
        await db.EventReports.Where(r => r.ArticleId == articleId).ExecuteDeleteAsync();
        await db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ExtractedAt, (DateTimeOffset?)null));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexPendingAsync(CancellationToken.None));
    }
}
