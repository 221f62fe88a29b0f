using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Pages.Actors;

/// <summary>
/// The newest claims of one speaker, optionally on one topic: by their article's date, newest first, then in the order
/// they appear in the text. The actor page and the topic page list them.
/// </summary>
public static class SpeakerClaims
{
    /// <summary>
    /// Ids of the speaker's newest <paramref name="limit"/> claims. Two plans give the same answer at different costs:
    /// reading all of the speaker's claims and sorting them by their article's date reads every claim they made (and
    /// SQLite carries each article's row through the sort), which is what a speaker with a few hundred claims wants;
    /// with <paramref name="walkArticles"/>, articles are walked newest first and each is probed for the speaker's
    /// claims, stopping at the limit, which is what a leader with tens of thousands wants. The caller knows the counts
    /// (ActorTopics, the speaker's claim count) and picks.
    /// </summary>
    public static async Task<List<int>> NewestIdsAsync(NewsTrackerDb db, int speakerId, string? topic, int limit, bool walkArticles, CancellationToken ct)
    {
        if (!walkArticles)
        {
            var claims = db.Claims.Where(c => c.SpeakerId == speakerId);
            if (topic is not null) claims = claims.Where(c => c.Topics.Contains(topic));
            return await claims.OrderByDescending(c => c.Article!.PublishedAt).ThenByDescending(c => c.ArticleId).ThenBy(c => c.Start)
                .Select(c => c.Id).Take(limit).ToListAsync(ct);
        }
        // CROSS JOIN fixes SQLite's loop order (articles by the PublishedAt index, then the (SpeakerId, ArticleId) index);
        // with WHERE rather than ON it is also valid PostgreSQL, which plans it as any join. The topic test is each
        // dialect's own (a JSON array in SQLite, text[] in PostgreSQL); every value is a parameter.
        string onTopic = topic is null ? "" : db.Database.IsNpgsql()
            ? """AND {2} = ANY(c."Topics")"""
            : """AND EXISTS (SELECT 1 FROM json_each(c."Topics") WHERE value = {2})""";
        object[] values = topic is null ? [speakerId, limit] : [speakerId, limit, topic];
        return await db.Database.SqlQuery<int>(FormattableStringFactory.Create($$"""
            SELECT c."Id" AS "Value" FROM "Articles" AS a CROSS JOIN "Claims" AS c WHERE c."ArticleId" = a."Id" AND c."SpeakerId" = {0} {{onTopic}}
            ORDER BY a."PublishedAt" DESC, a."Id" DESC, c."Start" LIMIT {1}
            """, values)).ToListAsync(ct);
    }
}
