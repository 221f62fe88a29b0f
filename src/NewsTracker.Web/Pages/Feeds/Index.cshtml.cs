using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Ingestion;

namespace NewsTracker.Web.Pages.Feeds;

/// <summary>Each feed's state: when it was last and will next be fetched, what it stored, and why it last failed.</summary>
public sealed class IndexModel(NewsTrackerDb db, ArticleExtraction extraction) : PageModel
{
    public List<Feed> Feeds { get; private set; } = [];
    public int ArticleCount { get; private set; }
    public int PendingExtraction { get; private set; }
    /// <summary>Of those pending, how many extraction failed on since the app started (kept; tried again at the next start).</summary>
    public int FailedExtraction => extraction.FailedCount;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Title ?? f.Url).ToListAsync(ct);
        ArticleCount = await db.Articles.CountAsync(ct);
        PendingExtraction = await db.Articles.CountAsync(a => a.ExtractedAt == null, ct);
    }
}
