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
        // Each count in one pass over one table's actor index, not three correlated counts per actor; articles from the
        // per-week counts the triggers keep (ActorWeeks), not a DISTINCT over every mention.
        var articles = await db.ActorWeeks.GroupBy(w => w.ActorId).Select(g => new { ActorId = g.Key, Articles = g.Sum(w => w.Articles) })
            .ToDictionaryAsync(g => g.ActorId, g => g.Articles, ct);
        var claims = await db.Claims.GroupBy(c => c.SpeakerId).Select(g => new { ActorId = g.Key, Claims = g.Count() })
            .ToDictionaryAsync(g => g.ActorId, g => g.Claims, ct);
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
