using NewsTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

public sealed class OneArticleOnceTests
{
    const string Story = """
        <p>Ukrainian President Volodymyr Zelenskiy said on Tuesday that talks with Russia on a ceasefire could begin within weeks,
        after a meeting with European leaders in Kyiv that focused on security guarantees for Ukraine and the future of the front line.</p>
        <p>The president told reporters that any agreement would have to be backed by Western partners, and that Ukraine would not
        give up territory in exchange for a pause in the fighting. Officials said a further round of talks was planned for next month.</p>
        """;

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task The_same_link_with_tracking_parameters_is_one_article(StoreProvider provider)
    {
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(
            ("Kyiv talks", "https://news.test/kyiv-talks?utm_source=rss&amp;utm_medium=feed", Story),
            ("Kyiv talks", "https://NEWS.test/kyiv-talks#comments", Story)))));
        await using var app = new TestApp([server.Url("/feed.xml")], provider: provider);

        await app.IngestAsync();

        var article = await app.WithDbAsync(db => db.Articles.SingleAsync());
        Assert.Equal("https://news.test/kyiv-talks", article.CanonicalUrl);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Syndicated_copies_under_other_outlets_are_stored_once_with_every_outlet(StoreProvider provider)
    {
        string copy = "<p>By Jane Doe, Wire Service</p>" + Story + "<p>This story was first published by Wire Service.</p>";
        await using var server = await TestFeedServer.StartAsync(app =>
        {
            app.MapGet("/wire.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(("Zelenskiy: talks within weeks", "https://wire.test/story-1", Story))));
            app.MapGet("/paper.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(("Talks within weeks, Zelenskiy says", "https://paper.test/world/zelenskiy-talks", copy))));
        });
        await using var app = new TestApp([server.Url("/wire.xml"), server.Url("/paper.xml")], new() { ["NewsTracker:Ingestion:MaxConcurrentFeeds"] = "1" }, provider: provider);

        await app.IngestAsync();
        await app.MakeFeedsDueAsync();
        await app.IngestAsync(); // a copy already recorded is not recorded again

        var article = await app.WithDbAsync(db => db.Articles.Include(a => a.Outlets).SingleAsync());
        Assert.Equal(["paper.test", "wire.test"], article.Outlets.Select(o => o.Source).Order());
        var feeds = await app.WithDbAsync(db => db.Feeds.ToListAsync());
        Assert.Equal(1, feeds.Sum(f => f.ItemsDuplicate));
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Different_articles_on_the_same_story_are_not_merged(StoreProvider provider)
    {
        const string other = """
            <p>Russian President Vladimir Putin told a meeting of his security council in Moscow that Russia remained open to negotiations,
            but insisted that any settlement recognise what the Kremlin calls the new territorial realities on the ground.</p>
            <p>Putin's spokesman said no date had been set for a meeting with Ukraine's leader, and that sanctions relief would be part of any deal
            discussed with Washington in the coming weeks, according to a transcript published by state media on Wednesday.</p>
            """;
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(
            ("Zelenskiy: talks within weeks", "https://wire.test/1", Story), ("Putin open to talks", "https://wire.test/2", other)))));
        await using var app = new TestApp([server.Url("/feed.xml")], provider: provider);

        await app.IngestAsync();

        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_copy_published_passes_later_is_found_and_a_copy_of_a_deleted_article_is_stored_anew(StoreProvider provider)
    {
        // The latest fingerprints are kept between batches and topped up; a copy must still find an original stored
        // by an earlier pass, and must not be attached to an original deleted since.
        string copy = "<p>By Jane Doe, Wire Service</p>" + Story;
        var wireItems = new List<(string, string, string)> { ("Zelenskiy: talks within weeks", "https://wire.test/story-1", Story) };
        var paperItems = new List<(string, string, string)>();
        await using var server = await TestFeedServer.StartAsync(app =>
        {
            app.MapGet("/wire.xml", () => TestFeedServer.Xml(SampleFeeds.Rss([.. wireItems])));
            app.MapGet("/paper.xml", () => TestFeedServer.Xml(SampleFeeds.Rss([.. paperItems])));
        });
        await using var app = new TestApp([server.Url("/wire.xml"), server.Url("/paper.xml")], provider: provider);

        await app.IngestAsync();
        paperItems.Add(("Talks within weeks, Zelenskiy says", "https://paper.test/world/zelenskiy-talks", copy));
        await app.MakeFeedsDueAsync();
        await app.IngestAsync();

        var article = await app.WithDbAsync(db => db.Articles.Include(a => a.Outlets).SingleAsync());
        Assert.Equal(["paper.test", "wire.test"], article.Outlets.Select(o => o.Source).Order());

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteDeleteAsync());
        wireItems.Clear();
        paperItems[0] = ("Talks within weeks, Zelenskiy says", "https://paper.test/world/zelenskiy-talks-2", copy);
        await app.MakeFeedsDueAsync();
        await app.IngestAsync();

        var stored = await app.WithDbAsync(db => db.Articles.Include(a => a.Outlets).ToListAsync());
        Assert.Contains(stored, a => a.Url == "https://paper.test/world/zelenskiy-talks-2" && a.Outlets.Count == 1);
        Assert.DoesNotContain(stored, a => a.Id == article.Id);
    }
}
