using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Data;

/// <summary>The pages' queries translate on PostgreSQL too: every page renders from a PostgreSQL store holding the sample.</summary>
public sealed class PostgresPagesTests
{
    [PostgresFact]
    public async Task Every_page_renders_from_a_PostgreSQL_store()
    {
        await using var app = new TestApp(provider: StoreProvider.PostgreSql);
        await app.IngestAsync();
        var client = app.CreateClient();
        var (articleId, actorSlug, topicSlug, eventId) = await app.WithDbAsync(async db => (
            await db.Articles.Select(a => a.Id).FirstAsync(),
            await db.Actors.Where(a => db.ActorMentions.Any(m => m.ActorId == a.Id)).Select(a => a.Slug).FirstAsync(),
            await db.EventTopics.Select(t => t.TopicSlug).FirstAsync(),
            await db.EventParticipants.Select(p => p.EventId).FirstAsync()));

        foreach (var url in new[] { "/", $"/?actor={actorSlug}&topic={topicSlug}", "/actors", $"/actors/{actorSlug}",
                     "/topics", $"/topics/{topicSlug}", $"/articles/{articleId}", $"/events/{eventId}", "/search?q=Putin talks", "/feeds",
                     "/timeline.atom", "/api/events", "/api/actors", "/api/claims", "/api/articles", "/api/export", "/healthz" })
        {
            var document = await client.GetDocumentAsync(url);
            Assert.NotNull(document.Body);
        }
    }
}
