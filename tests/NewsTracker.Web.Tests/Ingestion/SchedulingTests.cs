using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

public sealed class SchedulingTests
{
    static readonly DateTimeOffset Start = new(2025, 8, 20, 12, 0, 0, TimeSpan.Zero);

    static string Feed() => SampleFeeds.Rss(("Putin and Trump talk", "https://news.test/b", "<p>Putin spoke with Trump by phone about Ukraine.</p>"));

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task An_unchanged_feed_is_fetched_conditionally_and_answered_with_304(StoreProvider provider)
    {
        int full = 0, notModified = 0;
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", (HttpRequest request, HttpResponse response) =>
        {
            if (request.Headers.IfNoneMatch == "\"v1\"") { notModified++; return Results.StatusCode(304); }
            full++;
            response.Headers.ETag = "\"v1\"";
            return TestFeedServer.Xml(Feed());
        }));
        await using var app = new TestApp([server.Url("/feed.xml")], provider: provider);

        await app.IngestAsync();
        await app.MakeFeedsDueAsync();
        await app.IngestAsync();

        Assert.Equal((1, 1), (full, notModified));
        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Equal("\"v1\"", feed.ETag);
        Assert.Null(feed.LastError);
        Assert.Equal(1, feed.ItemsStored);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Retry_After_on_429_sets_the_next_attempt(StoreProvider provider)
    {
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        }));
        var clock = new TestClock(Start);
        await using var app = new TestApp([server.Url("/feed.xml")], clock: clock, provider: provider);

        await app.IngestAsync();

        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Contains("429", feed.LastError);
        Assert.Equal(Start.AddHours(1), feed.NextFetchAt);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Failures_back_off_exponentially_and_a_feed_that_keeps_failing_is_paused_with_its_reason(StoreProvider provider)
    {
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => Results.StatusCode(500)));
        var clock = new TestClock(Start);
        await using var app = new TestApp([server.Url("/feed.xml")], new()
        {
            ["NewsTracker:Ingestion:ErrorBackoff"] = "00:02:00",
            ["NewsTracker:Ingestion:PauseAfterErrors"] = "3",
        }, clock, provider: provider);

        var waits = new List<TimeSpan?>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            await app.IngestAsync();
            var feed = await app.WithDbAsync(db => db.Feeds.AsNoTracking().SingleAsync());
            waits.Add(feed.NextFetchAt - clock.GetUtcNow());
            clock.Advance(TimeSpan.FromDays(1)); // past any backoff, so the feed is due again
        }

        Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), null], waits);
        var paused = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Equal(FeedStatus.Paused, paused.Status);
        Assert.Contains("3 failures", paused.PausedReason);
        Assert.Contains("HTTP 500", paused.PausedReason);

        // A paused feed is not fetched again.
        await app.IngestAsync();
        Assert.Equal(3, (await app.WithDbAsync(db => db.Feeds.SingleAsync())).ConsecutiveErrors);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_feed_held_by_an_instance_that_died_is_fetched_once_the_hold_expires(StoreProvider provider)
    {
        int fetches = 0;
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => { fetches++; return TestFeedServer.Xml(Feed()); }));
        var clock = new TestClock(Start);
        await using var app = new TestApp([server.Url("/feed.xml")], clock: clock, provider: provider);
        await app.WithDbAsync(db => db.Feeds.ExecuteUpdateAsync(s => s
            .SetProperty(f => f.LeaseOwner, "an instance that died")
            .SetProperty(f => f.LeaseExpiresAt, (DateTimeOffset?)Start.AddMinutes(10))));

        await app.IngestAsync();
        Assert.Equal(0, fetches);

        clock.Advance(TimeSpan.FromMinutes(11));
        await app.IngestAsync();
        Assert.Equal(1, fetches);
        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Equal(1, feed.ItemsStored);
        Assert.Null(feed.LeaseOwner);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task The_poll_interval_follows_how_often_the_feed_publishes_within_bounds(StoreProvider provider)
    {
        string hourly = $"""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
            {string.Concat(Enumerable.Range(0, 6).Select(i => $"<item><title>Kyiv update {i}</title><link>https://news.test/{i}</link><pubDate>{Start.AddHours(-i):R}</pubDate><description>Ukraine talks update {i}.</description></item>"))}
            </channel></rss>
            """;
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(hourly)));
        var clock = new TestClock(Start);
        await using var app = new TestApp([server.Url("/feed.xml")], clock: clock, provider: provider);

        await app.IngestAsync();

        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Equal(3600, feed.PollIntervalSeconds);
        Assert.Equal(Start.AddHours(1), feed.NextFetchAt);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_slow_server_does_not_hold_up_the_other_feeds(StoreProvider provider)
    {
        TestApp? appRef = null;
        bool otherFeedWasStoredWhileSlowWaited = false;
        await using var server = await TestFeedServer.StartAsync(app =>
        {
            app.MapGet("/slow.xml", async () =>
            {
                // Answer only once the other feed's article is stored (or after 4 s, if fetching were sequential).
                for (int i = 0; i < 40 && !otherFeedWasStoredWhileSlowWaited; i++)
                {
                    await Task.Delay(100);
                    otherFeedWasStoredWhileSlowWaited = await appRef!.WithDbAsync(db => db.Articles.AnyAsync());
                }
                return TestFeedServer.Xml(SampleFeeds.Rss());
            });
            app.MapGet("/fast.xml", () => TestFeedServer.Xml(Feed()));
        });
        await using var app = new TestApp([server.Url("/slow.xml"), server.Url("/fast.xml")], provider: provider);
        appRef = app;

        await app.IngestAsync();

        Assert.True(otherFeedWasStoredWhileSlowWaited);
    }
}
