using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Actors;

/// <summary>One actor: who they are, what they said over time, and the events they took part in.</summary>
public sealed class DetailsModel(NewsTrackerDb db, StoryCatalog story, IMemoryCache cache) : PageModel
{
    /// <summary>The page shows this many claims and events at most (the newest); a leader can have tens of thousands.</summary>
    public const int MaxClaims = 200, MaxEvents = 200;
    /// <summary>Above this many claims, the newest are found by walking articles by date (see OnGetAsync).</summary>
    const int ManyClaims = 2000;
    /// <summary>"Appears most with" looks at this many of the actor's latest articles.</summary>
    const int RecentArticles = 500;

    public Actor? Actor { get; private set; }
    public List<ActorClaim> Claims { get; private set; } = [];
    public int ClaimCount { get; private set; }
    public List<ActorEvent> Events { get; private set; } = [];
    public int EventCount { get; private set; }
    public int ArticleCount { get; private set; }
    /// <summary>Topic slug from the URL: only claims on that topic are listed.</summary>
    [BindProperty(SupportsGet = true, Name = "topic")] public string? Topic { get; set; }
    public List<(string Slug, int Count)> ClaimTopics { get; private set; } = [];
    public List<Companion> AppearsWith { get; private set; } = [];
    public List<(string Label, int Count)> MentionsPerWeek { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Actor = await db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, ct);
        if (Actor is null)
            return NotFoundPage($"No actor “{slug}” is known to this story.");
        if (Topic is not null && story.Definition.Topics.All(t => t.Slug != Topic))
            return NotFoundPage($"No topic “{Topic}” is part of this story.");

        // Topic chips from the actor's latest claims: a leader's tens of thousands would cost a read of every one.
        var allTopics = await db.Claims.Where(c => c.SpeakerId == Actor.Id).OrderByDescending(c => c.Id).Take(ManyClaims).Select(c => c.Topics).ToListAsync(ct);
        ClaimTopics = allTopics.SelectMany(t => t).GroupBy(t => t).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ToList();

        int actorId = Actor.Id;
        var claims = db.Claims.Where(c => c.SpeakerId == actorId);
        if (Topic is not null) claims = claims.Where(c => c.Topics.Contains(Topic));
        ClaimCount = await claims.CountAsync(ct);
        if (ClaimCount > ManyClaims && Topic is null)
        {
            // A prolific speaker: walk articles newest first and stop at the page's worth, instead of sorting all their
            // claims by their article's date (SQLite would carry every article's text through that sort).
            var ids = await db.Database.SqlQuery<int>($"""
                SELECT c.Id AS Value FROM Articles AS a CROSS JOIN Claims AS c ON c.ArticleId = a.Id AND c.SpeakerId = {actorId}
                ORDER BY a.PublishedAt DESC, c.Start LIMIT {MaxClaims}
                """).ToListAsync(ct);
            claims = db.Claims.Where(c => ids.Contains(c.Id));
        }
        Claims = await claims
            .OrderByDescending(c => c.Article!.PublishedAt).ThenBy(c => c.Start)
            .Select(c => new ActorClaim(c.Kind, c.Text, c.Topics, c.ArticleId, c.Article!.Title, c.Article.Source, c.Article.Url, c.Article.PublishedAt,
                c.Article.Text.Substring(c.SentenceStart, c.SentenceEnd - c.SentenceStart)))
            .Take(MaxClaims).ToListAsync(ct);

        var events = db.Events.Where(e => db.EventParticipants.Where(p => p.ActorId == actorId).Select(p => p.EventId).Contains(e.Id));
        EventCount = await events.CountAsync(ct);
        Events = await events
            .OrderBy(e => e.HappenedOn == null ? 0 : 1).ThenByDescending(e => e.HappenedOn).ThenByDescending(e => e.Id)
            .Take(MaxEvents)
            .Select(e => new ActorEvent(e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place,
                e.Participants.Where(p => p.ActorId != actorId).Select(p => p.Actor!.Name).ToList(), e.Reports.Count))
            .ToListAsync(ct);

        // Counts over every article naming the actor: for a leader named in most of the store these take a few hundred
        // milliseconds, and a chart need not be fresher than a minute, so they are computed once a minute per actor.
        var coverage = (await cache.GetOrCreateAsync($"{nameof(Actors)}.{actorId}.coverage", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return new ActorCoverage(
                await db.ActorMentions.Where(m => m.ActorId == actorId).Select(m => m.ArticleId).Distinct().CountAsync(ct),
                await AppearsWithAsync(actorId, ct),
                await MentionsPerWeekAsync(actorId, ct));
        }))!;
        (ArticleCount, AppearsWith, MentionsPerWeek) = (coverage.Articles, coverage.AppearsWith, coverage.PerWeek);
        return Page();
    }

    /// <summary>Who this actor is named with most: articles naming both, and events with both taking part.</summary>
    async Task<List<Companion>> AppearsWithAsync(int actorId, CancellationToken ct)
    {
        // Over the actor's latest articles, so that a leader named in most of the store costs no more than anyone else.
        var articleIds = await db.ActorMentions.Where(m => m.ActorId == actorId).Select(m => m.ArticleId).Distinct()
            .OrderByDescending(id => id).Take(RecentArticles).ToListAsync(ct);
        var inArticles = await db.ActorMentions.Where(m => articleIds.Contains(m.ArticleId) && m.ActorId != actorId)
            .GroupBy(m => m.ActorId).Select(g => new { ActorId = g.Key, Articles = g.Select(m => m.ArticleId).Distinct().Count() })
            .OrderByDescending(g => g.Articles).Take(10).ToListAsync(ct);
        var eventIds = db.EventParticipants.Where(p => p.ActorId == actorId).Select(p => p.EventId);
        var inEvents = await db.EventParticipants.Where(p => eventIds.Contains(p.EventId) && p.ActorId != actorId)
            .GroupBy(p => p.ActorId).Select(g => new { ActorId = g.Key, Events = g.Count() }).ToDictionaryAsync(g => g.ActorId, g => g.Events, ct);
        var ids = inArticles.Select(a => a.ActorId).ToList();
        var actors = await db.Actors.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return inArticles.Select(a => new Companion(actors[a.ActorId].Slug, actors[a.ActorId].Name, a.Articles, inEvents.GetValueOrDefault(a.ActorId))).ToList();
    }

    /// <summary>Articles naming the actor per week (weeks start on Monday), from the first such week to the last.</summary>
    async Task<List<(string, int)>> MentionsPerWeekAsync(int actorId, CancellationToken ct)
    {
        // Counted by the database: PublishedAt is stored as Unix milliseconds, and 1970-01-01 was a Thursday, so
        // (days + 3) / 7 numbers the Monday-based weeks. The same integer SQL runs on SQLite and PostgreSQL.
        var weeks = await db.Database.SqlQuery<WeekCount>($"""
            SELECT ("a"."PublishedAt" / 86400000 + 3) / 7 AS "Week", COUNT(*) AS "Articles"
            FROM "Articles" AS "a"
            WHERE "a"."Id" IN (SELECT "m"."ArticleId" FROM "ActorMentions" AS "m" WHERE "m"."ActorId" = {actorId})
            GROUP BY ("a"."PublishedAt" / 86400000 + 3) / 7
            """).ToListAsync(ct);
        if (weeks.Count == 0) return [];
        static DateOnly MondayOf(long week) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)(week * 7 - 3));
        var perWeek = weeks.ToDictionary(w => MondayOf(w.Week), w => (int)w.Articles);
        var series = new List<(string, int)>();
        for (var week = perWeek.Keys.Min(); week <= perWeek.Keys.Max(); week = week.AddDays(7))
            series.Add((week.ToString("d MMM yyyy"), perWeek.GetValueOrDefault(week)));
        return series;
    }

    public string TopicName(string slug) => story.TopicName(slug);

    /// <summary>Set when the URL names an actor or topic that does not exist; the page then says so with a 404.</summary>
    public string? NotFoundMessage { get; private set; }

    IActionResult NotFoundPage(string message)
    {
        NotFoundMessage = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

public sealed record WeekCount(long Week, long Articles);

sealed record ActorCoverage(int Articles, List<Companion> AppearsWith, List<(string, int)> PerWeek);

public sealed record Companion(string Slug, string Name, int Articles, int Events);

public sealed record ActorClaim(ClaimKind Kind, string Text, List<string> Topics, int ArticleId, string ArticleTitle, string Source, string Url,
    DateTimeOffset PublishedAt, string Sentence);

public sealed record ActorEvent(int Id, EventType Type, DateOnly? HappenedOn, DatePrecision Precision, bool Planned, string? Place,
    List<string> With, int Reports)
{
    public string DateText => Timeline.EventTitles.When(HappenedOn, Precision, Planned);
}
