using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Timeline;

/// <summary>The timeline: events by the date they happened, filtered by leaders and topics that live in the URL.</summary>
public sealed class IndexModel(NewsTrackerDb db, StoryCatalog story) : PageModel
{
    public const int PageSize = 30;

    /// <summary>Actor slugs: an event must include every one of them.</summary>
    [BindProperty(SupportsGet = true, Name = "actor")] public List<string> ActorSlugs { get; set; } = [];
    /// <summary>Topic slugs: an event must be on every one of them.</summary>
    [BindProperty(SupportsGet = true, Name = "topic")] public List<string> TopicSlugs { get; set; } = [];
    /// <summary>Bound as text so that a malformed page number is a note, not an error.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageText { get; set; }

    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<string> Notes { get; } = [];
    public List<FilterChoice> ActorChoices { get; private set; } = [];
    public List<FilterChoice> TopicChoices { get; private set; } = [];
    public List<Actor> SelectedActors { get; private set; } = [];
    public List<TimelineDay> Days { get; private set; } = [];
    public int ArticleCount { get; private set; }
    public int FeedsWithErrors { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SelectedActors = await db.Actors.Where(a => ActorSlugs.Contains(a.Slug)).ToListAsync(ct);
        var unknownActor = ActorSlugs.FirstOrDefault(s => SelectedActors.All(a => a.Slug != s));
        if (unknownActor is not null) return NotFoundPage($"No actor “{unknownActor}” is known to this story.");
        var unknownTopic = TopicSlugs.FirstOrDefault(s => story.Definition.Topics.All(t => t.Slug != s));
        if (unknownTopic is not null) return NotFoundPage($"No topic “{unknownTopic}” is part of this story.");

        if (PageText is not null)
        {
            if (int.TryParse(PageText, out int n) && n >= 1) PageNumber = n;
            else Notes.Add($"“{PageText}” is not a page number; showing the first page.");
        }

        // IN (ids of the actor's or topic's events) lets SQLite start from the ActorId/TopicSlug indexes instead of
        // probing every event with a correlated EXISTS.
        var query = db.Events.AsQueryable();
        foreach (var actor in SelectedActors)
            query = query.Where(e => db.EventParticipants.Where(p => p.ActorId == actor.Id).Select(p => p.EventId).Contains(e.Id));
        foreach (var slug in TopicSlugs)
            query = query.Where(e => db.EventTopics.Where(t => t.TopicSlug == slug).Select(t => t.EventId).Contains(e.Id));

        Total = await query.CountAsync(ct);
        if (PageNumber > PageCount)
        {
            Notes.Add($"There is no page {PageNumber}; showing the last page.");
            PageNumber = PageCount;
        }

        // Undated planned events first (what is coming), then by the day they happened, newest first.
        // The page's events are picked once; their collections are then loaded by id. (Split queries would otherwise
        // repeat the filtered, sorted, paged query once per collection.)
        var pageIds = await query
            .OrderBy(e => e.HappenedOn == null ? 0 : 1).ThenByDescending(e => e.HappenedOn).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => e.Id).ToListAsync(ct);
        var events = await db.Events.Where(e => pageIds.Contains(e.Id))
            .Select(e => new TimelineEvent(
                e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place, e.FirstReportedAt,
                e.Participants.OrderBy(p => p.Actor!.Name).Select(p => new ActorLink(p.Actor!.Slug, p.Actor.Name)).ToList(),
                e.Topics.Select(t => t.TopicSlug).ToList(),
                e.Reports.OrderBy(r => r.Article!.PublishedAt).Select(r => new Excerpt(
                    r.ArticleId, r.Article!.Title, r.Article.Source, r.Article.Url, r.Article.PublishedAt,
                    r.Article.Text.Substring(r.SentenceStart, r.SentenceEnd - r.SentenceStart))).ToList()))
            .AsSplitQuery()
            .ToListAsync(ct);
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        events = events.OrderBy(e => position[e.Id]).ToList();

        Days = events.GroupBy(e => e.DayHeading).Select(g => new TimelineDay(g.Key, g.ToList())).ToList();

        // Counted per ActorId (in the order of its index, no sort) before joining the few actors' names.
        ActorChoices = (await db.EventParticipants.GroupBy(p => p.ActorId).Select(g => new { ActorId = g.Key, Count = g.Count() })
                .Join(db.Actors.Where(a => a.Kind == ActorKind.Person), g => g.ActorId, a => a.Id, (g, a) => new { a.Slug, a.Name, g.Count })
                .OrderByDescending(c => c.Count).ThenBy(c => c.Name).Take(16).ToListAsync(ct))
            .Select(c => new FilterChoice(c.Slug, c.Name, c.Count)).ToList();
        foreach (var selected in SelectedActors.Where(a => ActorChoices.All(c => c.Slug != a.Slug)))
            ActorChoices.Add(new FilterChoice(selected.Slug, selected.Name, 0));
        var topicCounts = await db.EventTopics.GroupBy(t => t.TopicSlug).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        TopicChoices = story.Definition.Topics.Select(t => new FilterChoice(t.Slug, t.Name, topicCounts.GetValueOrDefault(t.Slug))).ToList();

        ArticleCount = await db.Articles.CountAsync(ct);
        FeedsWithErrors = await db.Feeds.CountAsync(f => f.LastError != null, ct);
        return Page();
    }

    public string TopicName(string slug) => story.TopicName(slug);

    /// <summary>This page's URL with one filter value removed, for the "remove" link on a chip.</summary>
    public string UrlWithout(string key, string value) => Url.Page("/Timeline/Index", new
    {
        actor = key == "actor" ? ActorSlugs.Where(s => s != value).ToArray() : ActorSlugs.ToArray(),
        topic = key == "topic" ? TopicSlugs.Where(s => s != value).ToArray() : TopicSlugs.ToArray(),
    })!;

    public string UrlForPage(int page) => Url.Page("/Timeline/Index", new { actor = ActorSlugs.ToArray(), topic = TopicSlugs.ToArray(), p = page })!;

    /// <summary>Set when the URL names an actor or topic that does not exist; the page then says so with a 404.</summary>
    public string? NotFoundMessage { get; private set; }

    IActionResult NotFoundPage(string message)
    {
        NotFoundMessage = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

public sealed record FilterChoice(string Slug, string Label, int Count);
public sealed record ActorLink(string Slug, string Name);
public sealed record Excerpt(int ArticleId, string Title, string Source, string Url, DateTimeOffset PublishedAt, string Sentence);
public sealed record TimelineDay(string Heading, List<TimelineEvent> Events);

public sealed record TimelineEvent(
    int Id, EventType Type, DateOnly? HappenedOn, DatePrecision Precision, bool Planned, string? Place,
    DateTimeOffset FirstReportedAt, List<ActorLink> Participants, List<string> Topics, List<Excerpt> Excerpts)
{
    public string DayHeading => HappenedOn is not DateOnly d
        ? (Planned ? "Planned, date not yet set" : "Date not known")
        : Precision == DatePrecision.Day ? d.ToString("dddd d MMMM yyyy") : d.ToString("MMMM yyyy");

    public int OutletCount => Excerpts.Select(e => e.Source).Distinct().Count();

    public string Title
    {
        get
        {
            string what = Type switch
            {
                EventType.Call => "Call", EventType.Summit => "Summit", EventType.Meeting => "Meeting",
                EventType.Talks => "Talks", EventType.Exchange => "Exchange", EventType.Visit => "Visit", _ => "Event",
            };
            string who = Participants.Count switch
            {
                0 => "",
                1 => $" with {Participants[0].Name}",
                _ => " between " + string.Join(", ", Participants.SkipLast(1).Select(p => p.Name)) + " and " + Participants[^1].Name,
            };
            return what + who + (Place is null ? "" : $" in {Place}");
        }
    }
}
