using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Pages.Actors;

/// <summary>
/// The newest claims of one speaker, optionally on one topic: by their article's date, newest first, then in the order
/// they appear in the text. The actor page and the topic page list them.
/// </summary>
public static class SpeakerClaims
{
    /// <summary>Above this many claims, a speaker's newest are found by walking articles by date (see <see cref="NewestAsync"/>).</summary>
    public const int ManyClaims = 2000;

    /// <summary>
    /// Ids of the speaker's newest <paramref name="limit"/> claims on a topic after the newest <paramref name="skip"/>,
    /// straight from the ClaimTopics index.
    /// </summary>
    public static Task<List<int>> NewestOnTopicAsync(NewsTrackerDb db, int speakerId, string topic, int limit, CancellationToken ct, int skip = 0) =>
        db.ClaimTopics.Where(t => t.SpeakerId == speakerId && t.TopicSlug == topic)
            .OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.ArticleId).ThenBy(t => t.Start)
            .Select(t => t.ClaimId).Skip(skip).Take(limit).ToListAsync(ct);

    /// <summary>
    /// Ids of the speaker's newest <paramref name="limit"/> claims after the newest <paramref name="skip"/>
    /// (<paramref name="speakerClaims"/>: how many they made).
    /// Two plans give the same answer at different costs: reading all of the speaker's claims and sorting them by their
    /// article's date (SQLite carries each article's row through the sort), which suits a speaker with a few hundred
    /// claims; or walking articles newest first and probing each for the speaker's claims, stopping at the limit, which
    /// suits a leader with tens of thousands.
    /// </summary>
    public static Task<List<int>> NewestAsync(NewsTrackerDb db, int speakerId, int limit, int speakerClaims, CancellationToken ct, int skip = 0) =>
        speakerClaims > ManyClaims ? WalkingArticlesAsync(db, speakerId, limit, ct, skip) : SortingAllAsync(db, speakerId, limit, ct, skip);

    internal static Task<List<int>> SortingAllAsync(NewsTrackerDb db, int speakerId, int limit, CancellationToken ct, int skip = 0) =>
        db.Claims.Where(c => c.SpeakerId == speakerId)
            .OrderByDescending(c => c.Article!.PublishedAt).ThenByDescending(c => c.ArticleId).ThenBy(c => c.Start)
            .Select(c => c.Id).Skip(skip).Take(limit).ToListAsync(ct);

    /// <summary>
    /// CROSS JOIN fixes SQLite's loop order (articles by the PublishedAt index, then the (SpeakerId, ArticleId) index);
    /// with WHERE rather than ON it is also valid PostgreSQL, which plans it as any join.
    /// </summary>
    internal static Task<List<int>> WalkingArticlesAsync(NewsTrackerDb db, int speakerId, int limit, CancellationToken ct, int skip = 0) =>
        db.Database.SqlQuery<int>($"""
            SELECT c."Id" AS "Value" FROM "Articles" AS a CROSS JOIN "Claims" AS c WHERE c."ArticleId" = a."Id" AND c."SpeakerId" = {speakerId}
            ORDER BY a."PublishedAt" DESC, a."Id" DESC, c."Start" LIMIT {limit} OFFSET {skip}
            """).ToListAsync(ct);
}
