using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Ingestion;

/// <summary>
/// Runs extraction on a stored article and stores what it found: actors, mentions, claims, topics, and
/// events, where an event another article already reported is the same row with one more report.
/// </summary>
public sealed class ArticleIndexer(NewsTrackerDb db, StoryCatalog story, TimeProvider clock)
{
    /// <summary>Indexes every article whose extraction is pending (stored, then interrupted before its facts were).</summary>
    public async Task<int> IndexPendingAsync(CancellationToken ct)
    {
        var pending = await db.Articles.Where(a => a.ExtractedAt == null).OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var article in pending)
            await IndexAsync(article, ct);
        return pending.Count;
    }

    public async Task IndexAsync(Article article, CancellationToken ct)
    {
        var result = story.Extractor.Extract(article.Text, article.PublishedAt);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Re-indexing replaces what an earlier extraction stored for this article.
        await db.ActorMentions.Where(m => m.ArticleId == article.Id).ExecuteDeleteAsync(ct);
        await db.Claims.Where(c => c.ArticleId == article.Id).ExecuteDeleteAsync(ct);
        await db.ArticleTopics.Where(t => t.ArticleId == article.Id).ExecuteDeleteAsync(ct);
        await db.EventReports.Where(r => r.ArticleId == article.Id).ExecuteDeleteAsync(ct);

        var actors = await ResolveActorsAsync(result, ct);

        foreach (var mention in result.Mentions)
        {
            if (!actors.TryGetValue(mention.ActorName, out var actor)) continue;
            db.ActorMentions.Add(new ActorMentionRow
            {
                ArticleId = article.Id, Actor = actor,
                Start = mention.Span.Start, End = mention.Span.End,
                SentenceStart = mention.Sentence.Start, SentenceEnd = mention.Sentence.End,
            });
        }

        foreach (var claim in result.Claims)
        {
            if (!actors.TryGetValue(claim.Speaker, out var speaker)) continue;
            db.Claims.Add(new Claim
            {
                ArticleId = article.Id, Speaker = speaker, Kind = claim.Kind, Text = claim.Text,
                Start = claim.Span.Start, End = claim.Span.End,
                SentenceStart = claim.Sentence.Start, SentenceEnd = claim.Sentence.End,
                Topics = [.. claim.Topics],
            });
        }

        foreach (var first in result.Topics.GroupBy(t => t.Slug).Select(g => g.MinBy(t => t.Span.Start)!))
        {
            db.ArticleTopics.Add(new ArticleTopic
            {
                ArticleId = article.Id, TopicSlug = first.Slug,
                SentenceStart = first.Sentence.Start, SentenceEnd = first.Sentence.End,
            });
        }

        foreach (var reported in result.Events)
            await AddEventReportAsync(article, reported, result.Topics, actors, ct);

        article.ExtractedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The article's actors by name, creating rows for people the story did not list.</summary>
    async Task<Dictionary<string, Actor>> ResolveActorsAsync(ExtractionResult result, CancellationToken ct)
    {
        var names = result.Actors.Select(a => a.Name)
            .Concat(result.Claims.Select(c => c.Speaker))
            .Concat(result.Events.SelectMany(e => e.Participants))
            .Concat(result.Mentions.Select(m => m.ActorName))
            .ToHashSet();
        var actors = await db.Actors.Where(a => names.Contains(a.Name)).ToDictionaryAsync(a => a.Name, ct);
        foreach (var name in names.Where(n => !actors.ContainsKey(n)))
        {
            var found = result.Actors.FirstOrDefault(a => a.Name == name);
            var actor = new Actor
            {
                Name = name,
                Slug = await UniqueSlugAsync(Slug.From(name), ct),
                Kind = found?.Kind ?? ActorKind.Person,
                Role = found?.Role,
                Aliases = found is null ? [] : [.. found.Aliases],
                Discovered = true,
            };
            db.Actors.Add(actor);
            actors[name] = actor;
        }
        return actors;
    }

    async Task<string> UniqueSlugAsync(string slug, CancellationToken ct)
    {
        if (slug.Length == 0) slug = "actor";
        string candidate = slug;
        for (int n = 2; await db.Actors.AnyAsync(a => a.Slug == candidate, ct) || db.Actors.Local.Any(a => a.Slug == candidate); n++)
            candidate = $"{slug}-{n}";
        return candidate;
    }

    async Task AddEventReportAsync(Article article, ExtractedEvent reported, IReadOnlyList<TopicMention> topics,
        Dictionary<string, Actor> actors, CancellationToken ct)
    {
        var ev = await FindSameEventAsync(reported, ct);
        if (ev is null)
        {
            ev = new Event { Type = reported.Type, Planned = reported.Planned, Place = reported.Place, FirstReportedAt = article.PublishedAt };
            SetDate(ev, reported.Date);
            db.Events.Add(ev);
        }
        else
        {
            // The core's merge decides type, date, place and status (planned, then held, is one event).
            var merged = EventMatcher.Merge(ToExtracted(ev), reported);
            ev.Type = merged.Type;
            ev.Planned = merged.Planned;
            ev.Place = merged.Place;
            SetDate(ev, merged.Date);
            if (article.PublishedAt < ev.FirstReportedAt) ev.FirstReportedAt = article.PublishedAt;
        }

        foreach (var name in reported.Participants)
        {
            if (actors.TryGetValue(name, out var actor) && !ev.Participants.Any(p => p.Actor == actor))
                ev.Participants.Add(new EventParticipant { Event = ev, Actor = actor });
        }

        ev.Reports.Add(new EventReport { Event = ev, ArticleId = article.Id, SentenceStart = reported.Sentence.Start, SentenceEnd = reported.Sentence.End });

        // An event is on the topics named in the paragraph that reports it.
        var paragraph = ParagraphAround(article.Text, reported.Sentence);
        foreach (var slug in topics.Where(t => t.Span.Start >= paragraph.Start && t.Span.End <= paragraph.End).Select(t => t.Slug).Distinct())
        {
            if (!ev.Topics.Any(t => t.TopicSlug == slug))
                ev.Topics.Add(new EventTopic { Event = ev, TopicSlug = slug });
        }
    }

    /// <summary>An event already stored that is the same real event, by the core's event identity rules.</summary>
    async Task<Event?> FindSameEventAsync(ExtractedEvent reported, CancellationToken ct)
    {
        var query = db.Events.Include(e => e.Participants).ThenInclude(p => p.Actor).Include(e => e.Topics).AsQueryable();
        if (reported.Date is { } date)
        {
            var day = new DateOnly(date.Year, date.Month, date.Day ?? 1);
            DateOnly from = day.AddDays(-40), to = day.AddDays(40);
            query = query.Where(e => e.HappenedOn == null || (e.HappenedOn >= from && e.HappenedOn <= to));
        }
        var candidates = await query.OrderByDescending(e => e.Id).Take(500).ToListAsync(ct);
        candidates.AddRange(db.Events.Local.Where(e => db.Entry(e).State == EntityState.Added));
        int best = EventMatcher.BestMatch(reported, candidates.Select(ToExtracted).ToList());
        return best < 0 ? null : candidates[best];
    }

    static ExtractedEvent ToExtracted(Event e) =>
        new(e.Type, ToEventDate(e), e.Planned, e.Place, [.. e.Participants.Select(p => p.Actor!.Name)], default);

    static EventDate? ToEventDate(Event e) => e.HappenedOn is not DateOnly d ? null
        : new EventDate(d.Year, d.Month, e.DatePrecision == DatePrecision.Day ? d.Day : null);

    static void SetDate(Event ev, EventDate? date)
    {
        ev.HappenedOn = date is null ? null : new DateOnly(date.Year, date.Month, date.Day ?? 1);
        ev.DatePrecision = date?.Day is null ? DatePrecision.Month : DatePrecision.Day;
    }

    static TextSpan ParagraphAround(string text, TextSpan sentence)
    {
        int start = sentence.Start <= 0 ? 0 : text.LastIndexOf("\n\n", Math.Min(sentence.Start, text.Length - 1), StringComparison.Ordinal);
        int end = text.IndexOf("\n\n", Math.Min(sentence.End, text.Length), StringComparison.Ordinal);
        return new TextSpan(start < 0 ? 0 : start, end < 0 ? text.Length : end);
    }
}
