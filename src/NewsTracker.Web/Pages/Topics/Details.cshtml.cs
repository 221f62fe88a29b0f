using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Topics;

/// <summary>One topic: what each actor said on it, oldest first, so shifts in position stand out.</summary>
public sealed class DetailsModel(NewsTrackerDb db, StoryCatalog story) : PageModel
{
    public StoryTopic? Topic { get; private set; }
    public List<SpeakerPositions> Speakers { get; private set; } = [];
    public int EventCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Topic = story.Definition.Topics.FirstOrDefault(t => t.Slug == slug);
        if (Topic is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var claims = await db.Claims.AsNoTracking().Where(c => c.Topics.Contains(slug))
            .OrderBy(c => c.Article!.PublishedAt).ThenBy(c => c.Start)
            .Select(c => new TopicClaim(c.SpeakerId, c.Speaker!.Name, c.Speaker.Slug, c.Kind, c.Text, c.ArticleId, c.Article!.Title, c.Article.Source, c.Article.PublishedAt))
            .Take(1000).ToListAsync(ct);
        Speakers = claims.GroupBy(c => (c.SpeakerId, c.Speaker, c.SpeakerSlug))
            .Select(g => new SpeakerPositions(g.Key.Speaker, g.Key.SpeakerSlug, g.ToList()))
            .OrderByDescending(s => s.Claims.Count).ThenBy(s => s.Name).ToList();
        EventCount = await db.EventTopics.CountAsync(t => t.TopicSlug == slug, ct);
        return Page();
    }
}

public sealed record TopicClaim(int SpeakerId, string Speaker, string SpeakerSlug, ClaimKind Kind, string Text, int ArticleId, string ArticleTitle, string Source, DateTimeOffset PublishedAt);
public sealed record SpeakerPositions(string Name, string Slug, List<TopicClaim> Claims);
