using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Actors;

/// <summary>One actor: who they are, what they said over time, and the events they took part in.</summary>
public sealed class DetailsModel(NewsTrackerDb db, StoryCatalog story) : PageModel
{
    /// <summary>Claims per page (newest first, paged with ?p=), and events shown at most (the newest: the timeline has them all).</summary>
    public const int ClaimsPerPage = 50, MaxEvents = 50;
    /// <summary>Above this many events, the page's events are found by walking events in date order (see OnGetAsync).</summary>
    const int ManyEvents = 2000;
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
    /// <summary>The page of claims (from ?p=, 1 when missing or malformed), and how many pages there are.</summary>
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (ClaimCount + ClaimsPerPage - 1) / ClaimsPerPage);
    /// <summary>What was wrong with the URL and ignored (a malformed or out-of-range page number).</summary>
    public List<string> Notes { get; } = [];
    public List<Companion> AppearsWith { get; private set; } = [];
    public List<(string Label, int Count)> MentionsPerWeek { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Actor = await db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, ct);
        if (Actor is null)
            return NotFoundPage($"No actor “{slug}” is known to this story.");
        if (Topic is not null && story.Definition.Topics.All(t => t.Slug != Topic))
            return NotFoundPage($"No topic “{Topic}” is part of this story.");

        // Topic chips and the count on a topic, from the per-topic claim counts the triggers keep (ActorTopics): exact,
        // where counting on request would read every one of a leader's tens of thousands of claims.
        int actorId = Actor.Id;
        ClaimTopics = (await db.ActorTopics.Where(t => t.ActorId == actorId).OrderByDescending(t => t.Claims).ThenBy(t => t.TopicSlug)
            .Select(t => new { t.TopicSlug, t.Claims }).ToListAsync(ct)).Select(t => (t.TopicSlug, t.Claims)).ToList();

        // Counts kept by triggers: ActorTopics on a topic (whose claims come from the ClaimTopics index), ActorClaims on all
        // of them (where the count decides how the newest are found).
        ClaimCount = Topic is null
            ? await db.ActorClaims.Where(c => c.ActorId == actorId).Select(c => c.Claims).SingleOrDefaultAsync(ct)
            : ClaimTopics.FirstOrDefault(t => t.Slug == Topic).Count;
        PageNumber = Shared.PageNumber.Within(Shared.PageNumber.Parse(Request.Query["p"], Notes), PageCount, Notes);
        int skip = (PageNumber - 1) * ClaimsPerPage;
        var ids = Topic is null
            ? await SpeakerClaims.NewestAsync(db, actorId, ClaimsPerPage, ClaimCount, ct, skip)
            : await SpeakerClaims.NewestOnTopicAsync(db, actorId, Topic, ClaimsPerPage, ct, skip);
        Claims = await db.Claims.Where(c => ids.Contains(c.Id))
            .OrderByDescending(c => c.Article!.PublishedAt).ThenByDescending(c => c.ArticleId).ThenBy(c => c.Start)
            .Select(c => new ActorClaim(c.Kind, c.Text, c.Topics, c.ArticleId, c.Article!.Title, c.Article.Source, c.Article.Url, c.Article.PublishedAt,
                c.SentenceStart, c.Article.Text.Substring(c.SentenceStart, c.SentenceEnd - c.SentenceStart)))
            .ToListAsync(ct);

        // One row per (event, actor), so the actor's participations are their events: counted in the ActorId index alone.
        EventCount = await db.EventParticipants.CountAsync(p => p.ActorId == actorId, ct);
        var mine = db.Events.Where(e => db.EventParticipants.Where(p => p.ActorId == actorId).Select(p => p.EventId).Contains(e.Id));
        if (EventCount > ManyEvents)
        {
            // A leader in thousands of events: walk events in the page's order (undated first, then newest; each order an
            // index gives) asking of each whether the actor took part, and stop at the page's worth, instead of reading
            // and sorting every one of their events.
            var withActor = db.Events.Where(e => e.Participants.Any(p => p.ActorId == actorId));
            var undated = await withActor.Where(e => e.HappenedOn == null).OrderByDescending(e => e.Id).Select(e => e.Id).Take(MaxEvents).ToListAsync(ct);
            var dated = await withActor.Where(e => e.HappenedOn != null).OrderByDescending(e => e.HappenedOn).ThenByDescending(e => e.Id)
                .Select(e => e.Id).Take(MaxEvents - undated.Count).ToListAsync(ct);
            var pageIds = undated.Concat(dated).ToList();
            mine = db.Events.Where(e => pageIds.Contains(e.Id));
        }
        var events = await mine
            .OrderBy(e => e.HappenedOn == null ? 0 : 1).ThenByDescending(e => e.HappenedOn).ThenByDescending(e => e.Id)
            .Take(MaxEvents)
            .Select(e => new { e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place, Reports = e.Reports.Count })
            .ToListAsync(ct);
        // The others taking part, by the page's event ids (as a nested collection, EF would repeat the filter and sort above).
        var eventIds = events.Select(e => e.Id).ToList();
        var with = (await db.EventParticipants.Where(p => eventIds.Contains(p.EventId) && p.ActorId != actorId)
            .Select(p => new { p.EventId, p.Actor!.Name }).ToListAsync(ct))
            .ToLookup(p => p.EventId, p => p.Name);
        Events = events.Select(e => new ActorEvent(e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place, with[e.Id].ToList(), e.Reports)).ToList();

        // Articles naming the actor, per week and in all: kept in ActorWeeks by triggers as mentions are stored, so a
        // leader named in most of the store costs a few dozen rows here, not a read of every article.
        var weeks = await db.ActorWeeks.Where(w => w.ActorId == actorId).OrderBy(w => w.Week).Select(w => new { w.Week, w.Articles }).ToListAsync(ct);
        ArticleCount = weeks.Sum(w => w.Articles);
        MentionsPerWeek = WeeklySeries(weeks.ToDictionary(w => w.Week, w => w.Articles));
        AppearsWith = await AppearsWithAsync(actorId, EventCount, ct);
        return Page();
    }

    /// <summary>Who this actor is named with most: articles naming both, and events with both taking part.</summary>
    async Task<List<Companion>> AppearsWithAsync(int actorId, int eventCount, CancellationToken ct)
    {
        // Over the actor's latest articles, so that a leader named in most of the store costs no more than anyone else
        // (grouped rather than DISTINCT, so that the (ActorId, ArticleId) index is read backwards and stops at the limit).
        var articleIds = db.ActorMentions.Where(m => m.ActorId == actorId).GroupBy(m => m.ArticleId).Select(g => g.Key)
            .OrderByDescending(id => id).Take(RecentArticles);
        var inArticles = await db.ActorMentions.Where(m => articleIds.Contains(m.ArticleId) && m.ActorId != actorId)
            .GroupBy(m => m.ActorId).Select(g => new { ActorId = g.Key, Articles = g.Select(m => m.ArticleId).Distinct().Count() })
            .OrderByDescending(g => g.Articles).ThenBy(g => g.ActorId).Take(10).ToListAsync(ct);
        var ids = inArticles.Select(a => a.ActorId).ToList();
        // Events with both, for these companions only, walking whichever side has fewer events and probing the other in the
        // (EventId, ActorId) key: a leader's thousands of events have far more participants than their companions' events,
        // and a minor actor's companions are often those leaders. CROSS JOIN fixes SQLite's loop order (and is valid
        // PostgreSQL too); every value is a parameter, the actor's as {0}, the companions' after it.
        string walk = eventCount > ManyEvents
            ? """ "EventParticipants" AS c CROSS JOIN "EventParticipants" AS l """
            : """ "EventParticipants" AS l CROSS JOIN "EventParticipants" AS c """;
        var inEvents = ids.Count == 0 ? [] : await db.Database.SqlQuery<CompanionEvents>(FormattableStringFactory.Create($$"""
            SELECT c."ActorId", COUNT(*) AS "Events" FROM {{walk}}
            WHERE c."ActorId" IN ({{string.Join(", ", ids.Select((_, i) => $"{{{i + 1}}}"))}}) AND l."EventId" = c."EventId" AND l."ActorId" = {0}
            GROUP BY c."ActorId"
            """, [actorId, .. ids.Cast<object>()])).ToDictionaryAsync(g => g.ActorId, g => (int)g.Events, ct);
        var actors = await db.Actors.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return inArticles.Select(a => new Companion(actors[a.ActorId].Slug, actors[a.ActorId].Name, a.Articles, inEvents.GetValueOrDefault(a.ActorId))).ToList();
    }

    /// <summary>Every week from the first with an article to the last, Monday first, with weeks of none as zero.</summary>
    static List<(string, int)> WeeklySeries(Dictionary<int, int> perWeek)
    {
        if (perWeek.Count == 0) return [];
        var series = new List<(string, int)>();
        for (int week = perWeek.Keys.Min(); week <= perWeek.Keys.Max(); week++)
            series.Add((ActorWeek.MondayOf(week).ToString("d MMM yyyy"), perWeek.GetValueOrDefault(week)));
        return series;
    }

    /// <summary>This actor's page on the same topic filter, at another page of claims.</summary>
    public string UrlForPage(int page) => Url.Page("/Actors/Details", new { slug = Actor!.Slug, topic = Topic, p = page > 1 ? page : (int?)null })!;

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

public sealed record CompanionEvents(int ActorId, long Events);

public sealed record Companion(string Slug, string Name, int Articles, int Events);

public sealed record ActorClaim(ClaimKind Kind, string Text, List<string> Topics, int ArticleId, string ArticleTitle, string Source, string Url,
    DateTimeOffset PublishedAt, int SentenceStart, string Sentence)
{
    public string Citation => Articles.SentenceLink.To(ArticleId, SentenceStart);
}

public sealed record ActorEvent(int Id, EventType Type, DateOnly? HappenedOn, DatePrecision Precision, bool Planned, string? Place,
    List<string> With, int Reports)
{
    public string DateText => Timeline.EventTitles.When(HappenedOn, Precision, Planned);
}
