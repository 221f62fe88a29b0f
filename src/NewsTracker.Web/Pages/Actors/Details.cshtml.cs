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

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Actor = await db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, ct);
        if (Actor is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Claims = await db.Claims.Where(c => c.SpeakerId == Actor.Id)
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
