using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Articles;

namespace NewsTracker.Web.Pages.Events;

/// <summary>A quote shown with an event, citing the sentence it was said in.</summary>
public sealed record KeyQuote(string Text, string Speaker, string SpeakerSlug, int ArticleId, string Source, int SentenceStart)
{
    public string Citation => SentenceLink.To(ArticleId, SentenceStart);
}

/// <summary>
/// The quotes that go with an event, the same on the timeline and on the event's page: said by one of its participants in
/// an article among its first reports (the ones the timeline shows), nearest to the sentence reporting the event, at most
/// two.
/// </summary>
public static class KeyQuotes
{
    public const int PerEvent = 2;
    /// <summary>The reports whose articles are searched: the first published, so an event's cost does not grow with its reports.</summary>
    public const int FromFirstReports = Timeline.IndexModel.ExcerptsPerEvent;

    /// <summary>Each event's key quotes; an event without any has an empty list.</summary>
    public static async Task<Dictionary<int, List<KeyQuote>>> OfEventsAsync(NewsTrackerDb db, IReadOnlyCollection<int> eventIds, CancellationToken ct)
    {
        var ids = eventIds.Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                Participants = e.Participants.Select(p => p.ActorId).ToList(),
                Reports = e.Reports.OrderBy(r => r.Article!.PublishedAt).ThenBy(r => r.Id).Take(FromFirstReports)
                    .Select(r => new { r.ArticleId, r.SentenceStart }).ToList(),
            })
            .ToListAsync(ct);
        var articleIds = events.SelectMany(e => e.Reports.Select(r => r.ArticleId)).Distinct().ToList();
        var speakerIds = events.SelectMany(e => e.Participants).Distinct().ToList();
        var quotes = await db.Claims.AsNoTracking()
            .Where(c => c.Kind == ClaimKind.Quote && articleIds.Contains(c.ArticleId) && speakerIds.Contains(c.SpeakerId))
            .Select(c => new { c.ArticleId, c.SpeakerId, c.Start, c.Text, Speaker = c.Speaker!.Name, c.Speaker.Slug, c.Article!.Source, c.SentenceStart })
            .ToListAsync(ct);

        var result = ids.ToDictionary(id => id, _ => new List<KeyQuote>());
        foreach (var e in events)
        {
            var participants = e.Participants.ToHashSet();
            result[e.Id].AddRange(e.Reports
                .SelectMany(r => quotes.Where(q => q.ArticleId == r.ArticleId && participants.Contains(q.SpeakerId))
                    .Select(q => (Quote: q, Distance: Math.Abs(q.Start - r.SentenceStart))))
                // Ties go by place in the text, so that both pages pick the same quotes whatever order the rows came in.
                .OrderBy(q => q.Distance).ThenBy(q => q.Quote.ArticleId).ThenBy(q => q.Quote.Start)
                .Select(q => new KeyQuote(q.Quote.Text, q.Quote.Speaker, q.Quote.Slug, q.Quote.ArticleId, q.Quote.Source, q.Quote.SentenceStart))
                .DistinctBy(q => q.Text)
                .Take(PerEvent));
        }
        return result;
    }
}
