using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Articles;
using NewsTracker.Web.Pages.Events;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Timeline;

/// <summary>The timeline: events by the date they happened, filtered by what the URL says (see <see cref="TimelineFilter"/>).</summary>
public sealed class IndexModel(NewsTrackerDb db, StoryCatalog story, IMemoryCache cache) : PageModel
{
    public const int PageSize = 30;

    /// <summary>
    /// An event reported by thousands of articles is still one entry of bounded size: its first reports are shown, and
    /// the rest are counted (all of them are on the event's page).
    /// </summary>
    public const int ExcerptsPerEvent = 5;

    public TimelineFilter Filter { get; private set; } = new();
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<string> Notes { get; } = [];
    public List<FilterChoice> ActorChoices { get; private set; } = [];
    public List<FilterChoice> TopicChoices { get; private set; } = [];
    public List<FilterChoice> OutletChoices { get; private set; } = [];
    public List<TimelineDay> Days { get; private set; } = [];
    public List<(string Label, int Count)> CoverageByDay { get; private set; } = [];
    public int ArticleCount { get; private set; }
    public int FeedsWithErrors { get; private set; }
    /// <summary>Set when the URL names an actor or topic that does not exist; the page then says so with a 404.</summary>
    public string? NotFoundMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Filter = TimelineFilter.FromQuery(Request.Query);
        // The form sends its empty fields too (outlet=&from=…); one redirect keeps shared URLs short and clean.
        if (Request.Query.Any(q => q.Value.All(string.IsNullOrWhiteSpace)))
            return Redirect(Url.Page("/Timeline/Index", Filter.RouteValues(page: int.TryParse(Request.Query["p"], out int p) ? p : null))!);
        await Filter.ResolveAsync(db, story, ct);
        if (Filter.NotFound is not null)
        {
            NotFoundMessage = Filter.NotFound;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Notes.AddRange(Filter.Notes);

        PageNumber = Shared.PageNumber.Parse(Request.Query["p"], Notes);

        var query = Filter.Apply(db.Events.AsNoTracking(), db);
        Total = await query.CountAsync(ct);
        PageNumber = Shared.PageNumber.Within(PageNumber, PageCount, Notes);

        // Undated planned events first (what is coming), then by the day they happened, newest first.
        // The page's events are picked once and their collections then loaded by id: split queries would otherwise
        // repeat the filtered, sorted, paged query once per collection.
        var pageIds = await query
            .OrderBy(e => e.HappenedOn == null ? 0 : 1).ThenByDescending(e => e.HappenedOn).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => e.Id).ToListAsync(ct);
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = (await db.Events.AsNoTracking().Where(e => pageIds.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place, e.FirstReportedAt,
                Topics = e.Topics.Select(t => t.TopicSlug).ToList(),
                Excerpts = e.Reports.OrderBy(r => r.Article!.PublishedAt).ThenBy(r => r.Id).Take(ExcerptsPerEvent).Select(r => new Excerpt(
                    r.ArticleId, r.Article!.Title, r.Article.Source, r.Article.Url, r.Article.PublishedAt, r.SentenceStart,
                    r.Article.Text.Substring(r.SentenceStart, r.SentenceEnd - r.SentenceStart))).ToList(),
                ReportCount = e.Reports.Count(),
                OutletCount = e.Reports.Select(r => r.Article!.Source).Distinct().Count(),
            })
            .ToListAsync(ct))
            .OrderBy(e => position[e.Id]).ToList();
        var participants = await EventParticipantOrder.OfEventsAsync(db, pageIds, ct);
        var keyQuotes = await KeyQuotes.OfEventsAsync(db, pageIds, ct);
        var events = rows.Select(e => new TimelineEvent(
                e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place, e.FirstReportedAt,
                participants[e.Id].Select(p => new ActorLink(p.ActorId, p.Slug, p.Name)).ToList(),
                e.Topics, e.Excerpts, e.ReportCount, e.OutletCount, keyQuotes[e.Id]))
            .ToList();
        Days = events.GroupBy(e => e.DayHeading).Select(g => new TimelineDay(g.Key, g.ToList())).ToList();

        await LoadSummaryAsync(ct);
        return Page();
    }

    /// <summary>
    /// What the filters offer and the coverage chart: aggregates over the whole store (hundreds of milliseconds on
    /// 100,000 articles) that need not be fresher than a minute, so they are computed once a minute, not per request.
    /// </summary>
    sealed record Summary(List<FilterChoice> Leaders, Dictionary<string, int> TopicCounts, List<FilterChoice> Outlets,
        List<(string Label, int Count)> Coverage, int ArticleCount, int FeedsWithErrors);

    async Task LoadSummaryAsync(CancellationToken ct)
    {
        const string key = nameof(Timeline) + "." + nameof(Summary);
        if (!cache.TryGetValue(key, out Summary? summary))
        {
            summary = await ComputeSummaryAsync(ct);
            // A store with no events yet is cheap to summarise and about to change (a first start ingests the sample,
            // and articles are committed before their facts): kept, it would show empty filters over a filled timeline.
            if (summary.Leaders.Count > 0)
                cache.Set(key, summary, TimeSpan.FromMinutes(1));
        }

        ActorChoices = [.. summary!.Leaders];
        foreach (var selected in Filter.Actors.Where(a => ActorChoices.All(c => c.Slug != a.Slug)))
            ActorChoices.Add(new FilterChoice(selected.Slug, selected.Name, 0));
        // A topic no event is on would only lead to an empty page, unless it is already chosen.
        TopicChoices = story.Definition.Topics.Select(t => new FilterChoice(t.Slug, t.Name, summary.TopicCounts.GetValueOrDefault(t.Slug)))
            .Where(c => c.Count > 0 || Filter.TopicSlugs.Contains(c.Slug)).ToList();
        OutletChoices = summary.Outlets;
        CoverageByDay = summary.Coverage;
        ArticleCount = summary.ArticleCount;
        FeedsWithErrors = summary.FeedsWithErrors;
    }

    async Task<Summary> ComputeSummaryAsync(CancellationToken ct)
    {
        // Counted per ActorId (in the order of its index, no sort) before joining the few actors' names.
        var leaders = (await db.EventParticipants.GroupBy(p => p.ActorId).Select(g => new { ActorId = g.Key, Count = g.Count() })
                .Join(db.Actors.Where(a => a.Kind == ActorKind.Person), g => g.ActorId, a => a.Id, (g, a) => new { a.Slug, a.Name, g.Count })
                .OrderByDescending(c => c.Count).ThenBy(c => c.Name).Take(16).ToListAsync(ct))
            .Select(c => new FilterChoice(c.Slug, c.Name, c.Count)).ToList();
        var topicCounts = await db.EventTopics.GroupBy(t => t.TopicSlug).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var outlets = (await db.ArticleOutlets.GroupBy(o => o.Source).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(50).ToListAsync(ct))
            .Select(g => new FilterChoice(g.Key, g.Key, g.Count)).ToList();
        return new Summary(leaders, topicCounts, outlets, await CoverageAsync(ct),
            await db.Articles.CountAsync(ct), await db.Feeds.CountAsync(f => f.LastError != null, ct));
    }

    /// <summary>Articles published per day over the last 60 days of coverage: the chart above the timeline.</summary>
    async Task<List<(string Label, int Count)>> CoverageAsync(CancellationToken ct)
    {
        var latest = await db.Articles.MaxAsync(a => (DateTimeOffset?)a.PublishedAt, ct);
        if (latest is null) return [];
        var since = latest.Value.AddDays(-60);
        var published = await db.Articles.Where(a => a.PublishedAt >= since).Select(a => a.PublishedAt).ToListAsync(ct);
        var days = published.GroupBy(d => DateOnly.FromDateTime(d.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        var first = days.Keys.Min();
        var last = days.Keys.Max();
        var series = new List<(string, int)>();
        for (var d = first; d <= last; d = d.AddDays(1))
            series.Add((d.ToString("d MMM"), days.GetValueOrDefault(d)));
        return series;
    }

    public string TopicName(string slug) => story.TopicName(slug);

    public string UrlWithout(string key, string? value = null) => Url.Page("/Timeline/Index", Filter.RouteValues(key, value))!;

    public string UrlForPage(int page) => Url.Page("/Timeline/Index", Filter.RouteValues(page: page))!;

    /// <summary>The Atom feed of exactly this filtered timeline, to subscribe to "Putin + ceasefire".</summary>
    public string AtomUrl => "/timeline.atom" + Request.QueryString.Value;
}

public sealed record FilterChoice(string Slug, string Label, int Count);
public sealed record ActorLink(int ActorId, string Slug, string Name);
public sealed record Excerpt(int ArticleId, string Title, string Source, string Url, DateTimeOffset PublishedAt, int SentenceStart, string Sentence)
{
    public string Citation => SentenceLink.To(ArticleId, SentenceStart);
}
public sealed record TimelineDay(string Heading, List<TimelineEvent> Events);

public sealed record TimelineEvent(
    int Id, EventType Type, DateOnly? HappenedOn, DatePrecision Precision, bool Planned, string? Place,
    DateTimeOffset FirstReportedAt, List<ActorLink> Participants, List<string> Topics, List<Excerpt> Excerpts,
    int ReportCount, int OutletCount, List<KeyQuote> KeyQuotes)
{
    public string DayHeading
    {
        get
        {
            string when = EventTitles.When(HappenedOn, Precision, Planned, "dddd d MMMM yyyy");
            return char.ToUpperInvariant(when[0]) + when[1..];
        }
    }

    public string Title => EventTitles.Of(Type, Participants.Select(p => p.Name).ToList(), Place);
}

/// <summary>How an event is named and dated on pages and in feeds: "Summit: Donald Trump and Vladimir Putin in Alaska", "18 Aug 2025".</summary>
public static class EventTitles
{
    /// <summary>The day it happened, or the month when only that is known; the day format is the caller's (short or long).</summary>
    public static string When(DateOnly? happenedOn, DatePrecision precision, bool planned, string dayFormat = "d MMM yyyy") =>
        happenedOn is not DateOnly d ? (planned ? "planned, date not yet set" : "date not known")
        : precision == DatePrecision.Day ? d.ToString(dayFormat) : d.ToString("MMMM yyyy");

    public static string Of(EventType type, IReadOnlyList<string> participants, string? place)
    {
        string what = type switch
        {
            EventType.Call => "Call", EventType.Summit => "Summit", EventType.Meeting => "Meeting",
            EventType.Talks => "Talks", EventType.Exchange => "Exchange", EventType.Visit => "Visit", _ => "Event",
        };
        string who = participants.Count switch
        {
            0 => "",
            1 => $": {participants[0]}",
            _ => ": " + string.Join(", ", participants.SkipLast(1)) + " and " + participants[^1],
        };
        return what + who + (place is null ? "" : $" in {place}");
    }
}
