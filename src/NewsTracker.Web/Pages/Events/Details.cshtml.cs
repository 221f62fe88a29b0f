using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Articles;
using NewsTracker.Web.Pages.Timeline;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Events;

/// <summary>
/// One event: what, where and when, who took part (principals first), the quotes said there, and every report of it,
/// by outlet, each with its sentence. Reports come a page at a time, so an event reported thousands of times stays a page
/// of bounded size.
/// </summary>
public sealed class DetailsModel(NewsTrackerDb db, StoryCatalog story) : PageModel
{
    public const int ReportsPerPage = 50;

    public EventFacts? Event { get; private set; }
    public List<EventActor> Participants { get; private set; } = [];
    /// <summary>The event's key quotes (see <see cref="KeyQuotes"/>), as the timeline shows them.</summary>
    public List<KeyQuote> Quotes { get; private set; } = [];
    public int ReportCount { get; private set; }
    public int OutletCount { get; private set; }
    /// <summary>This page's reports, by outlet.</summary>
    public List<OutletReports> Outlets { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (ReportCount + ReportsPerPage - 1) / ReportsPerPage);
    /// <summary>The position of this page's first report among all of them, from 1.</summary>
    public int FirstShown => (PageNumber - 1) * ReportsPerPage + 1;
    public int ShownCount => Outlets.Sum(o => o.Reports.Count);
    /// <summary>What was wrong with the URL and ignored (a malformed or out-of-range page number).</summary>
    public List<string> Notes { get; } = [];
    /// <summary>Set when no event has the id in the URL; the page then says so with a 404.</summary>
    public string? NotFoundMessage { get; private set; }

    public string Title => Event is null ? "Not found" : EventTitles.Of(Event.Type, Participants.Select(p => p.Name).ToList(), Event.Place);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Event = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EventFacts(e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place, e.FirstReportedAt,
                e.Topics.Select(t => t.TopicSlug).ToList()))
            .SingleOrDefaultAsync(ct);
        if (Event is null)
        {
            NotFoundMessage = $"No event {id} is stored.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Participants = (await EventParticipantOrder.OfEventsAsync(db, [id], ct))[id];
        Quotes = (await KeyQuotes.OfEventsAsync(db, [id], ct))[id];

        var reports = db.EventReports.Where(r => r.EventId == id);
        ReportCount = await reports.CountAsync(ct);
        OutletCount = await reports.Select(r => r.Article!.Source).Distinct().CountAsync(ct);
        PageNumber = Shared.PageNumber.Within(Shared.PageNumber.Parse(Request.Query["p"], Notes), PageCount, Notes);

        // The page's reports are picked by id first, and their sentences read for those alone: SQLite carries selected
        // columns through a sort, which would cut a sentence out of every report's article text.
        var pageIds = await reports
            .OrderBy(r => r.Article!.Source).ThenBy(r => r.Article!.PublishedAt).ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * ReportsPerPage).Take(ReportsPerPage)
            .Select(r => r.Id).ToListAsync(ct);
        var position = pageIds.Select((reportId, i) => (reportId, i)).ToDictionary(x => x.reportId, x => x.i);
        var lines = (await db.EventReports.Where(r => pageIds.Contains(r.Id))
            .Select(r => new ReportLine(r.Id, r.ArticleId, r.Article!.Title, r.Article.Source, r.Article.Url, r.Article.PublishedAt,
                r.SentenceStart, r.Article.Text.Substring(r.SentenceStart, r.SentenceEnd - r.SentenceStart)))
            .ToListAsync(ct))
            .OrderBy(r => position[r.Id]).ToList();

        var outlets = lines.Select(r => r.Source).Distinct().ToList();
        var perOutlet = await reports.Where(r => outlets.Contains(r.Article!.Source))
            .GroupBy(r => r.Article!.Source).Select(g => new { Source = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Source, g => g.Count, ct);
        Outlets = lines.GroupBy(r => r.Source).Select(g => new OutletReports(g.Key, perOutlet.GetValueOrDefault(g.Key), g.ToList())).ToList();
        return Page();
    }

    public string TopicName(string slug) => story.TopicName(slug);

    public string UrlForPage(int page) => Url.Page("/Events/Details", new { id = Event!.Id, p = page > 1 ? page : (int?)null })!;
}

public sealed record EventFacts(int Id, EventType Type, DateOnly? HappenedOn, DatePrecision Precision, bool Planned, string? Place,
    DateTimeOffset FirstReportedAt, List<string> Topics)
{
    public string When => EventTitles.When(HappenedOn, Precision, Planned, "dddd d MMMM yyyy");
}

/// <summary>One report of the event: the sentence that says so, and the article it is in.</summary>
public sealed record ReportLine(int Id, int ArticleId, string Title, string Source, string Url, DateTimeOffset PublishedAt, int SentenceStart, string Sentence)
{
    public string Citation => SentenceLink.To(ArticleId, SentenceStart);
}

/// <summary>One outlet's reports on this page, and how many it has in all.</summary>
public sealed record OutletReports(string Source, int Total, List<ReportLine> Reports);
