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
        // Articles and claims from the counts the triggers keep (ActorWeeks, ActorClaims), not a DISTINCT over every mention
        // or a pass over every claim; events in one pass over the participants' actor index.
        var articles = await db.ActorWeeks.GroupBy(w => w.ActorId).Select(g => new { ActorId = g.Key, Articles = g.Sum(w => w.Articles) })
            .ToDictionaryAsync(g => g.ActorId, g => g.Articles, ct);
        var claims = await db.ActorClaims.ToDictionaryAsync(c => c.ActorId, c => c.Claims, ct);
        var events = await db.EventParticipants.GroupBy(p => p.ActorId).Select(g => new { g.Key, Events = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Events, ct);
        var all = (await db.Actors.AsNoTracking().ToListAsync(ct))
            .Where(a => articles.ContainsKey(a.Id))
            .Select(a => new ActorSummary(a.Slug, a.Name, a.Kind, a.Role, a.Discovered, articles[a.Id], claims.GetValueOrDefault(a.Id), events.GetValueOrDefault(a.Id)))
            .OrderByDescending(a => a.Articles).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        People = all.Where(a => a.Kind == ActorKind.Person).ToList();
        Organizations = all.Where(a => a.Kind == ActorKind.Organization).ToList();
    }
}

public sealed record ActorSummary(string Slug, string Name, ActorKind Kind, string? Role, bool Discovered, int Articles, int Claims, int Events);
