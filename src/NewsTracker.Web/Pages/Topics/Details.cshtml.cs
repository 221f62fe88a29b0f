using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Actors;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Topics;

/// <summary>
/// One topic: what each person said on it, the people who said most first, each with their latest claims in the order
/// they were published, so a change of position stands out. Their whole record on the topic is their actor page
/// filtered by it.
/// </summary>
public sealed class DetailsModel(NewsTrackerDb db, StoryCatalog story) : PageModel
{
    /// <summary>Speakers shown with their claims, and how many of each one's latest claims; the others are listed by name.</summary>
    public const int ShownSpeakers = 12, ClaimsPerSpeaker = 5;
    /// <summary>Speakers listed by name after the shown ones, at most.</summary>
    public const int ListedSpeakers = 100;

    public StoryTopic? Topic { get; private set; }
    public List<SpeakerPositions> Speakers { get; private set; } = [];
    /// <summary>The speakers after the shown ones, with their claim counts on the topic.</summary>
    public List<TopicSpeaker> OtherSpeakers { get; private set; } = [];
    public int SpeakerCount { get; private set; }
    public int EventCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Topic = story.Definition.Topics.FirstOrDefault(t => t.Slug == slug);
        if (Topic is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        // Who spoke on the topic and how often, from the per-speaker counts the triggers keep (ActorTopics), rather than
        // testing every claim's topics.
        var speakers = await (from t in db.ActorTopics
                              where t.TopicSlug == slug
                              join a in db.Actors on t.ActorId equals a.Id
                              orderby t.Claims descending, a.Name
                              select new TopicSpeaker(a.Id, a.Name, a.Slug, t.Claims)).ToListAsync(ct);
        SpeakerCount = speakers.Count;
        OtherSpeakers = speakers.Skip(ShownSpeakers).Take(ListedSpeakers).ToList();

        var shown = speakers.Take(ShownSpeakers).ToList();
        var ids = new List<int>();
        foreach (var speaker in shown)
            ids.AddRange(await SpeakerClaims.NewestOnTopicAsync(db, speaker.Id, slug, ClaimsPerSpeaker, ct));
        var claims = (await db.Claims.Where(c => ids.Contains(c.Id))
            .Select(c => new TopicClaim(c.SpeakerId, c.Kind, c.Text, c.ArticleId, c.Article!.Title, c.Article.Source, c.Article.PublishedAt, c.Start, c.SentenceStart))
            .ToListAsync(ct)).ToLookup(c => c.SpeakerId);
        Speakers = shown.Select(s => new SpeakerPositions(s,
                claims[s.Id].OrderBy(c => c.PublishedAt).ThenBy(c => c.ArticleId).ThenBy(c => c.Start).ToList()))
            .ToList();
        EventCount = await db.EventTopics.CountAsync(t => t.TopicSlug == slug, ct);
        return Page();
    }
}

public sealed record TopicSpeaker(int Id, string Name, string Slug, int Claims);
public sealed record TopicClaim(int SpeakerId, ClaimKind Kind, string Text, int ArticleId, string ArticleTitle, string Source, DateTimeOffset PublishedAt, int Start,
    int SentenceStart)
{
    public string Citation => Articles.SentenceLink.To(ArticleId, SentenceStart);
}
/// <summary>A speaker's latest claims on the topic, oldest of them first.</summary>
public sealed record SpeakerPositions(TopicSpeaker Speaker, List<TopicClaim> Claims);
