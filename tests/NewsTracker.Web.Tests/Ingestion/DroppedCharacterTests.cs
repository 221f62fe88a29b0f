using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>
/// A feed or page with characters XML forbids is read without them: its items are stored, and its status is a
/// warning with the count, not an error (which would back it off and, repeated, pause it).
/// </summary>
public sealed class DroppedCharacterTests
{
    const string Prose = "Zelenskiy met Trump at the White House to discuss a ceasefire in Ukraine, officials said, and both sides called the talks useful.";

    static string Feed(bool withControlCharacters) => SampleFeeds.Rss(
        (withControlCharacters ? "Zelenskiy meets Trump\u000F" : "Zelenskiy meets Trump", "https://news.test/1",
            $"<p>{Prose}{(withControlCharacters ? "\u0001" : "")}</p>"),
        ("Ceasefire talks resume", "https://news.test/2", $"<p>{Prose} Again.</p>"));

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_control_character_in_an_item_is_dropped_and_the_feed_shows_a_warning(StoreProvider provider)
    {
        bool withControlCharacters = true;
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(Feed(withControlCharacters))));
        await using var app = new TestApp([server.Url("/feed.xml")], provider: provider);

        await app.IngestAsync();

        var feed = await app.WithDbAsync(db => db.Feeds.AsNoTracking().SingleAsync());
        Assert.Null(feed.LastError);
        Assert.Equal(0, feed.ConsecutiveErrors);
        Assert.Equal(2, feed.ItemsStored);
        Assert.Equal("dropped 2 characters XML does not allow (such as control characters) from the feed", feed.LastWarning);
        var titles = await app.WithDbAsync(db => db.Articles.OrderBy(a => a.Url).Select(a => a.Title).ToListAsync());
        Assert.Equal(["Zelenskiy meets Trump", "Ceasefire talks resume"], titles);
        using var client = app.CreateClient();
        var page = await client.GetStringAsync("/feeds");
        Assert.Contains("""<span class="status-warning">OK, with a warning: dropped 2 characters XML does not allow""", page);
        Assert.DoesNotContain("status-error", page);

        // The publisher fixes the feed: the warning goes with the next refresh.
        withControlCharacters = false;
        await app.MakeFeedsDueAsync();
        await app.IngestAsync();

        Assert.Null((await app.WithDbAsync(db => db.Feeds.AsNoTracking().SingleAsync())).LastWarning);
    }

    [Fact]
    public async Task Characters_dropped_from_a_fetched_page_are_counted_apart()
    {
        await using var server = await TestFeedServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpRequest request) => TestFeedServer.Xml(SampleFeeds.Rss(
                ("Zelenskiy meets Trump\u000F", $"{request.Scheme}://{request.Host}/article", "<p>Short summary.</p>"))));
            app.MapGet("/article", () => Results.Content($"""
                <html><head><title>Zelenskiy meets Trump</title></head><body><article>
                <p>{Prose} A stray&#15; character.</p><p>{Prose} Another&#x1; one.</p><p>{Prose} And a third paragraph.</p>
                </article></body></html>
                """, "text/html; charset=utf-8"));
        });
        await using var app = new TestApp([server.Url("/feed.xml")]);

        await app.IngestAsync();

        var feed = await app.WithDbAsync(db => db.Feeds.AsNoTracking().SingleAsync());
        Assert.Null(feed.LastError);
        Assert.Equal("dropped 3 characters XML does not allow (such as control characters): 1 from the feed, 2 from its articles' pages", feed.LastWarning);
        var text = await app.WithDbAsync(db => db.Articles.Select(a => a.Text).SingleAsync());
        Assert.Contains("A stray character.", text);
        Assert.DoesNotContain('\u000F', text);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 0, "dropped 1 character XML does not allow (such as control characters) from the feed")]
    [InlineData(0, 3, "dropped 3 characters XML does not allow (such as control characters) from its articles' pages")]
    public void The_warning_says_how_many_and_where(int fromFeed, int fromPages, string? expected)
    {
        Assert.Equal(expected, FeedRefresher.DroppedCharactersWarning(fromFeed, fromPages));
    }
}
