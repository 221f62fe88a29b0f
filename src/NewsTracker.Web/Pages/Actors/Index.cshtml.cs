using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Stories;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Pages.Actors;

/// <summary>Everyone the story's articles name, most mentioned first.</summary>
public sealed class IndexModel(NewsTrackerDb db) : PageModel
{
    public List<ActorSummary> People { get; private set; } = [];
    public List<ActorSummary> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = (await db.Actors
            .Select(a => new
            {
                Actor = a,
                Articles = db.ActorMentions.Where(m => m.ActorId == a.Id).Select(m => m.ArticleId).Distinct().Count(),
                Claims = db.Claims.Count(c => c.SpeakerId == a.Id),
                Events = db.EventParticipants.Count(p => p.ActorId == a.Id),
            })
            .Where(x => x.Articles > 0)
            .OrderByDescending(x => x.Articles).ThenBy(x => x.Actor.Name)
            .ToListAsync(ct))
            .Select(x => new ActorSummary(x.Actor.Slug, x.Actor.Name, x.Actor.Kind, x.Actor.Role, x.Actor.Discovered, x.Articles, x.Claims, x.Events))
            .ToList();
        People = all.Where(a => a.Kind == ActorKind.Person).ToList();
        Organizations = all.Where(a => a.Kind == ActorKind.Organization).ToList();
    }
}

public sealed record ActorSummary(string Slug, string Name, ActorKind Kind, string? Role, bool Discovered, int Articles, int Claims, int Events);
