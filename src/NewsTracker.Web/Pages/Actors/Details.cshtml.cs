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
    /// <summary>The page shows this many claims and events at most (the newest); a leader can have tens of thousands.</summary>
    public const int MaxClaims = 200, MaxEvents = 200;
    /// <summary>Above this many claims, the newest are found by walking articles by date (see OnGetAsync).</summary>
    const int ManyClaims = 2000;

    public Actor? Actor { get; private set; }
    public List<ActorClaim> Claims { get; private set; } = [];
    public int ClaimCount { get; private set; }
    public List<ActorEvent> Events { get; private set; } = [];
    public int EventCount { get; private set; }
    public int ArticleCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Actor = await db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, ct);
        if (Actor is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        int actorId = Actor.Id;
        var claims = db.Claims.Where(c => c.SpeakerId == actorId);
        ClaimCount = await claims.CountAsync(ct);
        if (ClaimCount > ManyClaims)
        {
            // A prolific speaker: walk articles newest first and stop at the page's worth, instead of sorting all
            // their claims by their article's date (for tens of thousands, seconds of reading article rows).
            var ids = await db.Database.SqlQuery<int>($"""
                SELECT c.Id AS Value FROM Articles AS a CROSS JOIN Claims AS c ON c.ArticleId = a.Id AND c.SpeakerId = {actorId}
                ORDER BY a.PublishedAt DESC, c.Start LIMIT {MaxClaims}
                """).ToListAsync(ct);
            claims = db.Claims.Where(c => ids.Contains(c.Id));
        }
        // For a prolific speaker the ids come first, so the excerpt (a substring of the article's text) is read for the shown claims only.
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

        ArticleCount = await db.ActorMentions.Where(m => m.ActorId == Actor.Id).Select(m => m.ArticleId).Distinct().CountAsync(ct);
        return Page();
    }

    public string TopicName(string slug) => story.TopicName(slug);
}

public sealed record ActorClaim(ClaimKind Kind, string Text, List<string> Topics, int ArticleId, string ArticleTitle, string Source, string Url,
    DateTimeOffset PublishedAt, string Sentence);

public sealed record ActorEvent(int Id, EventType Type, DateOnly? HappenedOn, DatePrecision Precision, bool Planned, string? Place,
    List<string> With, int Reports)
{
    public string DateText => HappenedOn is not DateOnly d ? (Planned ? "planned" : "date unknown")
        : Precision == DatePrecision.Day ? d.ToString("d MMM yyyy") : d.ToString("MMMM yyyy");
}
