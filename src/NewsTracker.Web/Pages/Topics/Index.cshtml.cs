using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Topics;

/// <summary>The story's topics with how much of the coverage each one has.</summary>
public sealed class IndexModel(NewsTrackerDb db, StoryCatalog story) : PageModel
{
    public List<TopicSummary> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var articles = await db.ArticleTopics.GroupBy(t => t.TopicSlug).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var events = await db.EventTopics.GroupBy(t => t.TopicSlug).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Claims per topic from the per-speaker counts the triggers keep (a claim lists a topic once), not by reading every claim.
        var claims = await db.ActorTopics.GroupBy(t => t.TopicSlug).Select(g => new { g.Key, Count = g.Sum(t => t.Claims) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Topics = story.Definition.Topics
            .Select(t => new TopicSummary(t.Slug, t.Name, articles.GetValueOrDefault(t.Slug), events.GetValueOrDefault(t.Slug), claims.GetValueOrDefault(t.Slug)))
            .OrderByDescending(t => t.Articles).ToList();
    }
}

public sealed record TopicSummary(string Slug, string Name, int Articles, int Events, int Claims);
