using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>
/// Items are stored a batch at a time (<see cref="FeedRefresher.BatchSize"/>), their facts written set-based: a feed
/// longer than a batch, and an event met again by a later batch, must come out as if stored one by one.
/// </summary>
public sealed class BatchStoreTests
{
    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_feed_of_several_batches_stores_every_item_once_with_its_facts(StoreProvider provider)
    {
        int items = FeedRefresher.BatchSize * 2 + 7;
        string feed = SampleFeeds.Rss([.. Enumerable.Range(0, items).Select(GeneratedArticles.Item)]);
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(feed)));
        await using var app = new TestApp([server.Url("/feed.xml")], provider: provider);

        await app.IngestAsync();
        await app.MakeFeedsDueAsync();
        await app.IngestAsync(); // nothing new the second time

        var (articles, pending, withQuote, withMention, mentions) = await app.WithDbAsync(async db => (
            await db.Articles.CountAsync(),
            await db.Articles.CountAsync(a => a.ExtractedAt == null),
            await db.Claims.Select(c => c.ArticleId).Distinct().CountAsync(),
            await db.ActorMentions.Select(m => m.ArticleId).Distinct().CountAsync(),
            await db.ActorMentions.CountAsync()));
        Assert.Equal(items, articles);
        Assert.Equal(0, pending);
        Assert.Equal(items, withQuote);
        Assert.Equal(items, withMention);
        Assert.True(mentions >= 2 * items, $"{mentions} mentions for {items} articles that each name two people");

        // Every claim points into its own article: the span written set-based is the quote in that article's text.
        var claims = await app.WithDbAsync(db => db.Claims.Select(c => new { c.Text, c.Start, c.End, c.SpeakerId, ArticleText = c.Article!.Text }).ToListAsync());
        var zelenskyy = await app.WithDbAsync(db => db.Actors.SingleAsync(a => a.Slug == "volodymyr-zelenskyy"));
        Assert.All(claims, c => Assert.Contains(c.Text, c.ArticleText.Substring(c.Start, c.End - c.Start)));
        Assert.All(claims, c => Assert.Equal(zelenskyy.Id, c.SpeakerId));

        var stored = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Null(stored.LastError);
        Assert.Equal(items, stored.ItemsStored);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task An_event_met_again_in_a_later_pass_is_one_event_with_every_report_and_each_participant_once(StoreProvider provider)
    {
        var published = Enumerable.Range(0, 2).Select(GeneratedArticles.Item).ToList();
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(SampleFeeds.Rss([.. published]))));
        await using var app = new TestApp([server.Url("/feed.xml")], provider: provider);

        await app.IngestAsync();
        published.AddRange(Enumerable.Range(2, 2).Select(GeneratedArticles.Item));
        await app.MakeFeedsDueAsync();
        await app.IngestAsync();

        // Each article says "Zelenskiy met Trump in Washington on Monday to discuss a ceasefire".
        var meeting = await app.WithDbAsync(db => db.Events
            .Where(e => e.Place == "Washington")
            .Select(e => new
            {
                e.Id,
                Articles = e.Reports.Select(r => r.ArticleId).Distinct().Count(),
                Participants = e.Participants.Select(p => p.Actor!.Slug).ToList(),
                Topics = e.Topics.Select(t => t.TopicSlug).ToList(),
            })
            .SingleAsync());
        Assert.Equal(4, meeting.Articles);
        Assert.Equal(["donald-trump", "volodymyr-zelenskyy"], meeting.Participants.Order());
        Assert.Single(meeting.Topics, "ceasefire");
    }
}
