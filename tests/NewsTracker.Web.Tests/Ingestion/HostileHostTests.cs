using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>
/// A host that answers with something no web client should follow ends its own feed's refresh, or its own item,
/// and nothing more: every other due feed is refreshed in the same pass, and the failure is recorded on the feed.
/// </summary>
public sealed class HostileHostTests
{
    static readonly string GoodFeed = SampleFeeds.Rss(("Zelenskiy meets Trump", "https://news.test/good",
        "<p>Zelenskiy met Trump at the White House to discuss a ceasefire in Ukraine.</p>"));

    static readonly string[] NonWebTargets = ["file:///etc/passwd", "javascript:alert(1)", "data:text/xml,<rss/>", "//", "http://"];

    static IResult RedirectTo(string location, HttpResponse response)
    {
        response.StatusCode = 302;
        response.Headers.Location = location;
        return Results.Empty;
    }

    [Fact]
    public async Task A_feed_redirected_to_a_non_web_address_fails_alone_and_is_backed_off()
    {
        await using var server = await TestFeedServer.StartAsync(app =>
        {
            app.MapGet("/good.xml", () => TestFeedServer.Xml(GoodFeed));
            app.MapGet("/bad/{i:int}", (int i, HttpResponse response) => RedirectTo(NonWebTargets[i], response));
        });
        string[] bad = [.. NonWebTargets.Select((_, i) => server.Url($"/bad/{i}"))];
        await using var app = new TestApp([.. bad, server.Url("/good.xml")], new() { ["NewsTracker:Ingestion:MaxConcurrentFeeds"] = "1" });

        await app.IngestAsync();

        var feeds = await app.WithDbAsync(db => db.Feeds.AsNoTracking().ToDictionaryAsync(f => f.Url));
        Assert.Null(feeds[server.Url("/good.xml")].LastError);
        Assert.Equal(1, feeds[server.Url("/good.xml")].ItemsStored);
        foreach (string url in bad)
        {
            var feed = feeds[url];
            Assert.True(feed.LastError?.Contains("redirect", StringComparison.OrdinalIgnoreCase) == true, $"{url}: {feed.LastError}");
            Assert.Equal(1, feed.ConsecutiveErrors);
            Assert.True(feed.NextFetchAt > DateTimeOffset.UtcNow, $"{url} is not backed off");
        }
    }

    [Fact]
    public async Task An_item_whose_page_redirects_to_a_non_web_address_keeps_its_summary_and_the_rest_are_stored()
    {
        const string summary = "Zelenskiy and Trump talk about a ceasefire.";
        string feed = "";
        await using var server = await TestFeedServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", () => TestFeedServer.Xml(feed));
            app.MapGet("/page", (HttpResponse response) => RedirectTo("file:///etc/passwd", response));
        });
        feed = SampleFeeds.Rss(
            ("Short item", server.Url("/page"), summary),
            ("Second", "https://news.test/2", "<p>" + string.Join(' ', Enumerable.Repeat("Putin and Trump discussed a ceasefire in Ukraine.", 20)) + "</p>"),
            ("Third", "https://news.test/3", "<p>" + string.Join(' ', Enumerable.Repeat("Witkoff met Putin in Moscow for peace talks on Ukraine.", 20)) + "</p>"));
        await using var app = new TestApp([server.Url("/feed.xml")]);

        await app.IngestAsync();

        Assert.Null((await app.WithDbAsync(db => db.Feeds.SingleAsync())).LastError);
        var texts = await app.WithDbAsync(db => db.Articles.Select(a => a.Text).ToListAsync());
        Assert.Equal(3, texts.Count);
        Assert.Contains(summary, texts);
    }

    [Fact]
    public async Task A_device_file_as_a_feed_is_read_only_up_to_the_size_limit()
    {
        await using var app = new TestApp(["/dev/zero"], new() { ["NewsTracker:Ingestion:MaxResponseBytes"] = "1000000" });

        await app.IngestAsync();

        Assert.Contains("larger than the limit", (await app.WithDbAsync(db => db.Feeds.SingleAsync())).LastError);
    }
}
