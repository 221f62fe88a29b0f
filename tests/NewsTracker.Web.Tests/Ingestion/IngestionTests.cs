using NewsTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

public sealed class IngestionTests
{
    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Sample_feed_stores_five_articles_once_with_their_facts(StoreProvider provider)
    {
        await using var app = new TestApp(provider: provider);
        await app.IngestAsync();
        await app.IngestAsync(); // a second pass finds nothing new

        var (articles, pending, claims, events) = await app.WithDbAsync(async db => (
            await db.Articles.CountAsync(), await db.Articles.CountAsync(a => a.ExtractedAt == null),
            await db.Claims.CountAsync(), await db.Events.CountAsync()));
        Assert.Equal(5, articles);
        Assert.Equal(0, pending);
        Assert.True(claims > 0, "no claims were extracted from the sample");
        Assert.True(events > 0, "no events were extracted from the sample");

        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Null(feed.LastError);
        Assert.Equal(5, feed.ItemsStored);
        Assert.Equal("Seed articles: Ukraine peace talks", feed.Title);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Broken_feeds_each_record_a_readable_error_and_the_others_still_ingest(StoreProvider provider)
    {
        await using var server = await TestFeedServer.StartAsync(app =>
        {
            app.MapGet("/good.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(
                ("Zelenskiy meets Trump", "https://news.test/a", "<p>Zelenskiy met Trump at the White House on Monday to discuss a ceasefire in Ukraine.</p>"))));
            app.MapGet("/not-xml", () => Microsoft.AspNetCore.Http.Results.Text("this is plainly not a feed", "text/plain"));
            app.MapGet("/xxe.xml", () => TestFeedServer.Xml(SampleFeeds.ExternalEntity));
            // /missing is not mapped: Kestrel answers 404.
        });
        string[] feeds = [server.Url("/good.xml"), server.Url("/not-xml"), server.Url("/missing"), server.Url("/xxe.xml")];
        await using var app = new TestApp(feeds, provider: provider);

        await app.IngestAsync();

        var byUrl = await app.WithDbAsync(db => db.Feeds.ToDictionaryAsync(f => f.Url));
        Assert.Null(byUrl[feeds[0]].LastError);
        Assert.Equal(1, byUrl[feeds[0]].ItemsStored);
        Assert.Matches("not a feed|XML error at line 1", byUrl[feeds[1]].LastError);
        Assert.Contains("404", byUrl[feeds[2]].LastError);
        Assert.Contains("DTD", byUrl[feeds[3]].LastError, StringComparison.OrdinalIgnoreCase);
        foreach (var broken in feeds[1..]) Assert.Equal(1, byUrl[broken].ConsecutiveErrors);

        var titles = await app.WithDbAsync(db => db.Articles.Select(a => a.Title).ToListAsync());
        Assert.Equal(["Zelenskiy meets Trump"], titles);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_feed_that_fails_later_keeps_what_it_stored_and_recovers_on_the_next_good_poll(StoreProvider provider)
    {
        bool broken = false;
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => broken
            ? Microsoft.AspNetCore.Http.Results.StatusCode(500)
            : TestFeedServer.Xml(SampleFeeds.Rss(("Putin and Trump talk", "https://news.test/b", "<p>Putin spoke with Trump by phone about Ukraine.</p>")))));
        var url = server.Url("/feed.xml");
        await using var app = new TestApp([url], provider: provider);

        await app.IngestAsync();
        broken = true;
        await app.WithDbAsync(db => db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextFetchAt, (DateTimeOffset?)null)));
        await app.IngestAsync();

        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Contains("500", feed.LastError);
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync()));

        broken = false;
        await app.WithDbAsync(db => db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextFetchAt, (DateTimeOffset?)null)));
        await app.IngestAsync();
        feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Null(feed.LastError);
        Assert.Equal(0, feed.ConsecutiveErrors);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Off_story_items_are_counted_and_not_stored(StoreProvider provider)
    {
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/mixed.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(
            ("Local bakery wins award", "https://news.test/bread", "<p>The bakery on Main Street won a prize for its sourdough.</p>"),
            ("Kyiv prepares for talks", "https://news.test/kyiv", "<p>Officials in Kyiv prepared for peace talks with Russia.</p>")))));
        await using var app = new TestApp([server.Url("/mixed.xml")], provider: provider);

        await app.IngestAsync();

        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Equal(1, feed.ItemsStored);
        Assert.Equal(1, feed.ItemsSkippedOffStory);
        Assert.Equal(["https://news.test/kyiv"], await app.WithDbAsync(db => db.Articles.Select(a => a.Url).ToListAsync()));
    }
}
