using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Actors;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Actors;

public sealed class SpeakerClaimsTests
{
    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Every_plan_finds_each_speakers_newest_claims_in_article_date_order_as_articles_are_redated_and_deleted(StoreProvider provider)
    {
        // The walk over articles is SQL per dialect, and the ClaimTopics rows are kept by triggers per provider: each is
        // asked here for every speaker and topic of the sample, against a sort done in memory, and asked again after an
        // article moves to another date and after one is deleted.
        await using var app = new TestApp(provider: provider);
        await app.IngestAsync();
        // A topic listed twice in a claim is one of its topics (the count below is of distinct topics per claim).
        await app.WithDbAsync(async db =>
        {
            var quoted = await db.Claims.FirstAsync(c => c.Topics.Count > 0);
            db.Claims.Add(new Claim
            {
                ArticleId = quoted.ArticleId, SpeakerId = quoted.SpeakerId, Kind = quoted.Kind, Text = quoted.Text,
                Start = quoted.End + 1, End = quoted.End + 2, SentenceStart = quoted.SentenceStart, SentenceEnd = quoted.SentenceEnd,
                Topics = [quoted.Topics[0], quoted.Topics[0]],
            });
            return await db.SaveChangesAsync();
        });
        await AssertEveryPlanAgreesAsync(app);

        int redated = await app.WithDbAsync(db => db.Claims.Where(c => c.Topics.Count > 0).Select(c => c.ArticleId).MinAsync());
        var published = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == redated).Select(a => a.PublishedAt).SingleAsync());
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == redated)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, published.AddDays(40))));
        await AssertEveryPlanAgreesAsync(app);

        int deleted = await app.WithDbAsync(db => db.Claims.Where(c => c.Topics.Count > 0).Select(c => c.ArticleId).MaxAsync());
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == deleted).ExecuteDeleteAsync());
        Assert.False(await app.WithDbAsync(db => db.ClaimTopics.AnyAsync(t => t.ArticleId == deleted)));
        await AssertEveryPlanAgreesAsync(app);
    }

    static async Task AssertEveryPlanAgreesAsync(TestApp app)
    {
        var all = await app.WithDbAsync(db => db.Claims.Select(c => new { c.Id, c.SpeakerId, c.Topics, c.Article!.PublishedAt, c.ArticleId, c.Start }).ToListAsync());
        var topics = all.SelectMany(c => c.Topics).Distinct().ToList();
        Assert.True(topics.Count > 3);
        Assert.Equal(all.Sum(c => c.Topics.Distinct().Count()), await app.WithDbAsync(db => db.ClaimTopics.CountAsync()));
        int compared = 0;
        foreach (int speaker in all.Select(c => c.SpeakerId).Distinct())
            foreach (var (limit, skip) in new[] { (1, 0), (3, 0), (200, 0), (2, 1), (2, 3) })
            {
                List<int> Expected(string? topic) => all.Where(c => c.SpeakerId == speaker && (topic is null || c.Topics.Contains(topic)))
                    .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.ArticleId).ThenBy(c => c.Start)
                    .Skip(skip).Take(limit).Select(c => c.Id).ToList();
                var expected = Expected(null);
                Assert.Equal(expected, await app.WithDbAsync(db => SpeakerClaims.SortingAllAsync(db, speaker, limit, default, skip)));
                Assert.Equal(expected, await app.WithDbAsync(db => SpeakerClaims.WalkingArticlesAsync(db, speaker, limit, default, skip)));
                compared += expected.Count;
                foreach (var topic in topics)
                    Assert.Equal(Expected(topic), await app.WithDbAsync(db => SpeakerClaims.NewestOnTopicAsync(db, speaker, topic, limit, default, skip)));
            }
        Assert.True(compared > 20);
    }
}
