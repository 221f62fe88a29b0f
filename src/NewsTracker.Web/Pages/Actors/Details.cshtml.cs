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
    public Actor? Actor { get; private set; }
    public List<ActorClaim> Claims { get; private set; } = [];
    public List<ActorEvent> Events { get; private set; } = [];
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

        var allTopics = await db.Claims.Where(c => c.SpeakerId == Actor.Id).Select(c => c.Topics).ToListAsync(ct);
        ClaimTopics = allTopics.SelectMany(t => t).GroupBy(t => t).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ToList();

        var claims = db.Claims.Where(c => c.SpeakerId == Actor.Id);
        if (Topic is not null) claims = claims.Where(c => c.Topics.Contains(Topic));
        Claims = await claims
            .OrderByDescending(c => c.Article!.PublishedAt).ThenBy(c => c.Start)
            .Select(c => new ActorClaim(c.Kind, c.Text, c.Topics, c.ArticleId, c.Article!.Title, c.Article.Source, c.Article.Url, c.Article.PublishedAt,
                c.Article.Text.Substring(c.SentenceStart, c.SentenceEnd - c.SentenceStart)))
            .Take(200).ToListAsync(ct);

        Events = await db.Events.Where(e => e.Participants.Any(p => p.ActorId == Actor.Id))
            .OrderBy(e => e.HappenedOn == null ? 0 : 1).ThenByDescending(e => e.HappenedOn)
            .Select(e => new ActorEvent(e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place,
                e.Participants.Where(p => p.ActorId != Actor.Id).Select(p => p.Actor!.Name).ToList(), e.Reports.Count))
            .ToListAsync(ct);

        ArticleCount = await db.ActorMentions.Where(m => m.ActorId == Actor.Id).Select(m => m.ArticleId).Distinct().CountAsync(ct);
        AppearsWith = await AppearsWithAsync(Actor.Id, ct);
        MentionsPerWeek = await MentionsPerWeekAsync(Actor.Id, ct);
        return Page();
    }

    /// <summary>Who this actor is named with most: articles naming both, and events with both taking part.</summary>
    async Task<List<Companion>> AppearsWithAsync(int actorId, CancellationToken ct)
    {
        var articleIds = db.ActorMentions.Where(m => m.ActorId == actorId).Select(m => m.ArticleId);
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
        var dates = await db.Articles.Where(a => a.Mentions.Any(m => m.ActorId == actorId)).Select(a => a.PublishedAt).ToListAsync(ct);
        if (dates.Count == 0) return [];
        static DateOnly WeekOf(DateTimeOffset d)
        {
            var day = DateOnly.FromDateTime(d.UtcDateTime);
            return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }
        var perWeek = dates.GroupBy(WeekOf).ToDictionary(g => g.Key, g => g.Count());
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

public sealed record Companion(string Slug, string Name, int Articles, int Events);

public sealed record ActorClaim(ClaimKind Kind, string Text, List<string> Topics, int ArticleId, string ArticleTitle, string Source, string Url,
    DateTimeOffset PublishedAt, string Sentence);

public sealed record ActorEvent(int Id, EventType Type, DateOnly? HappenedOn, DatePrecision Precision, bool Planned, string? Place,
    List<string> With, int Reports)
{
    public string DateText => Timeline.EventTitles.When(HappenedOn, Precision, Planned);
}
