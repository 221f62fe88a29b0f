using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Actors;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Actors;

public sealed class SpeakerClaimsTests
{
    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Both_plans_find_each_speakers_newest_claims_on_every_topic_in_article_date_order(StoreProvider provider)
    {
        // The walk over articles is written in SQL per dialect, and only a speaker with thousands of claims takes it on
        // the pages: both plans are asked here for every speaker and topic of the sample, against a sort done in memory.
        await using var app = new TestApp(provider: provider);
        await app.IngestAsync();
        var all = await app.WithDbAsync(db => db.Claims.Select(c => new { c.Id, c.SpeakerId, c.Topics, c.Article!.PublishedAt, c.ArticleId, c.Start }).ToListAsync());
        var topics = all.SelectMany(c => c.Topics).Distinct().Select(t => (string?)t).Append(null).ToList();
        Assert.True(topics.Count > 3);
        int compared = 0;
        foreach (int speaker in all.Select(c => c.SpeakerId).Distinct())
            foreach (var topic in topics)
                foreach (int limit in new[] { 1, 3, 200 })
                {
                    var expected = all.Where(c => c.SpeakerId == speaker && (topic is null || c.Topics.Contains(topic)))
                        .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.ArticleId).ThenBy(c => c.Start)
                        .Take(limit).Select(c => c.Id).ToList();
                    var direct = await app.WithDbAsync(db => SpeakerClaims.NewestIdsAsync(db, speaker, topic, limit, walkArticles: false, default));
                    var walked = await app.WithDbAsync(db => SpeakerClaims.NewestIdsAsync(db, speaker, topic, limit, walkArticles: true, default));
                    Assert.Equal(expected, direct);
                    Assert.Equal(expected, walked);
                    compared += expected.Count;
                }
        Assert.True(compared > 20);
    }
}
