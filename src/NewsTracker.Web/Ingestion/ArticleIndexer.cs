using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Ingestion;

/// <summary>
/// Stores what extraction found in articles already stored: actors, mentions, claims, topics, and events, where an
/// event another article already reported is the same row with one more report. Works a batch of articles at a
/// time in one transaction, so an article either has all of its facts and its ExtractedAt, or is pending with none.
/// Rows that need an identity (new actors, new and changed events) go through EF; the many rows that hang off them
/// (mentions, claims, reports, participants, topics) are written set-based with <see cref="BulkInsert"/>.
/// </summary>
public sealed class ArticleIndexer(NewsTrackerDb db, ArticleExtraction extraction, TimeProvider clock)
{
    /// <summary>Indexes every article whose extraction is pending (stored, then interrupted, or its extraction failed).</summary>
    public async Task<int> IndexPendingAsync(CancellationToken ct)
    {
        var pending = (await db.Articles.Where(a => a.ExtractedAt == null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct))
            .Where(id => !extraction.HasFailed(id)).ToList();
        int indexed = 0;
        foreach (var ids in pending.Chunk(FeedRefresher.BatchSize))
        {
            var batch = new List<(Article, ExtractionResult)>();
            foreach (var article in await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct))
            {
                if (extraction.TryExtract(article.Text, article.PublishedAt, $"article {article.Id}") is { } facts) batch.Add((article, facts));
                else extraction.Failed(article.Id);
            }
            await IndexAsync(batch, ct);
            indexed += batch.Count;
        }
        return indexed;
    }

    /// <summary>Stores each stored article's facts, as <see cref="StoryExtractor.Extract"/> found them in its text, and marks it extracted.</summary>
    public async Task IndexAsync(IReadOnlyList<(Article Article, ExtractionResult Facts)> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var actors = await ResolveActorsAsync([.. batch.Select(b => b.Facts)], ct);
        var events = new BatchEvents(await EventCandidates.ReadAsync(db, batch.SelectMany(b => b.Facts.Events), EventCandidates.PerReport, ct));
        var facts = new FactRows();
        foreach (var (article, found) in batch)
        {
            AddFacts(article, found, actors, facts);
            // Passing references last, so that they can find the events this article itself reports.
            foreach (var reported in found.Events.OrderBy(e => e.ReferenceOnly))
                AddEventReport(article, reported, found.Topics, actors, events, facts);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // new actors and events get their ids here; changed events are updated
        await facts.InsertAsync(db, ct);
        var ids = batch.Select(b => b.Article.Id).ToList();
        DateTimeOffset? now = clock.GetUtcNow();
        await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ExtractedAt, now), ct);
        await tx.CommitAsync(ct);

        // What is committed is done with. A pass shares one context across many batches, and change detection
        // scans everything tracked, so keeping it would make each batch slower than the last. Feeds stay tracked:
        // the refresher updates its feed after the items. Everything tracked is saved by now, so the feeds are cleared
        // and attached again as they are: detaching each of a batch's hundreds of entries ran EF's fix-up for each.
        var feeds = db.ChangeTracker.Entries<Feed>().Select(e => e.Entity).ToList();
        db.ChangeTracker.Clear();
        db.Feeds.AttachRange(feeds);
    }

    /// <summary>
    /// The rows a batch adds under its articles, actors and events, held until those have their ids. Nothing reads
    /// them back before the batch commits, so they are inserted set-based and never tracked.
    /// </summary>
    sealed class FactRows
    {
        public List<(ActorMentionRow Row, Actor Actor)> Mentions { get; } = [];
        public List<(Claim Row, Actor Speaker)> Claims { get; } = [];
        public List<ArticleTopic> ArticleTopics { get; } = [];
        public List<(EventReport Row, Event Event)> Reports { get; } = [];
        public List<(Event Event, Actor Actor)> Participants { get; } = [];
        public List<(Event Event, string Slug)> EventTopics { get; } = [];

        public async Task InsertAsync(NewsTrackerDb db, CancellationToken ct)
        {
            await db.InsertAllAsync([.. Mentions.Select(m => { m.Row.ActorId = m.Actor.Id; return m.Row; })], skipExisting: false, ct);
            await db.InsertAllAsync([.. Claims.Select(c => { c.Row.SpeakerId = c.Speaker.Id; return c.Row; })], skipExisting: false, ct);
            await db.InsertAllAsync(ArticleTopics, skipExisting: false, ct);
            await db.InsertAllAsync([.. Reports.Select(r => { r.Row.EventId = r.Event.Id; return r.Row; })], skipExisting: false, ct);
            // A stored event may have the participant or topic already: its row stays as it is.
            await db.InsertAllAsync([.. Participants.Select(p => new EventParticipant { EventId = p.Event.Id, ActorId = p.Actor.Id })], skipExisting: true, ct);
            await db.InsertAllAsync([.. EventTopics.Select(t => new EventTopic { EventId = t.Event.Id, TopicSlug = t.Slug })], skipExisting: true, ct);
        }
    }

    static void AddFacts(Article article, ExtractionResult found, Dictionary<string, Actor> actors, FactRows facts)
    {
        foreach (var mention in found.Mentions)
        {
            if (!actors.TryGetValue(mention.ActorName, out var actor)) continue;
            facts.Mentions.Add((new ActorMentionRow
            {
                ArticleId = article.Id,
                Start = mention.Span.Start, End = mention.Span.End,
                SentenceStart = mention.Sentence.Start, SentenceEnd = mention.Sentence.End,
            }, actor));
        }

        foreach (var claim in found.Claims)
        {
            if (!actors.TryGetValue(claim.Speaker, out var speaker)) continue;
            facts.Claims.Add((new Claim
            {
                ArticleId = article.Id, Kind = claim.Kind, Text = claim.Text,
                Start = claim.Span.Start, End = claim.Span.End,
                SentenceStart = claim.Sentence.Start, SentenceEnd = claim.Sentence.End,
                Topics = [.. claim.Topics],
            }, speaker));
        }

        foreach (var first in found.Topics.GroupBy(t => t.Slug).Select(g => g.MinBy(t => t.Span.Start)!))
        {
            facts.ArticleTopics.Add(new ArticleTopic
            {
                ArticleId = article.Id, TopicSlug = first.Slug,
                SentenceStart = first.Sentence.Start, SentenceEnd = first.Sentence.End,
            });
        }
    }

    /// <summary>The batch's actors by name, creating rows for people the story did not list.</summary>
    async Task<Dictionary<string, Actor>> ResolveActorsAsync(List<ExtractionResult> results, CancellationToken ct)
    {
        var names = results.SelectMany(r => r.Actors.Select(a => a.Name)
            .Concat(r.Claims.Select(c => c.Speaker))
            .Concat(r.Events.SelectMany(e => e.Participants))
            .Concat(r.Mentions.Select(m => m.ActorName)))
            .ToHashSet();
        var actors = await db.Actors.Where(a => names.Contains(a.Name)).ToDictionaryAsync(a => a.Name, ct);
        foreach (var name in names.Where(n => !actors.ContainsKey(n)))
        {
            var found = results.SelectMany(r => r.Actors).FirstOrDefault(a => a.Name == name);
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

    /// <summary>An event as this batch sees it: its row (tracked: added, or attached with its stored values) and who takes part, by name.</summary>
    sealed class BatchEvent(Event row, IEnumerable<string> participants)
    {
        public Event Row { get; } = row;
        public List<string> Participants { get; } = [.. participants];
        /// <summary>Topics this batch gave it, so a topic named by two articles is written once.</summary>
        public HashSet<string> TopicsAdded { get; } = [];

        /// <summary>The event as a report to match others against; every later report in the batch is compared with it.</summary>
        public ExtractedEvent AsReport() => report ??= new(Row.Type, EventCandidates.ToEventDate(Row.HappenedOn, Row.DatePrecision), Row.Planned, Row.Place, Participants, default);
        ExtractedEvent? report;

        /// <summary>Call after changing the row or the participants.</summary>
        public void Changed() => report = null;
    }

    /// <summary>
    /// The events this batch has added or taken from the store, and the stored candidates of every type group and date
    /// it reports: until the batch commits, later articles in it must find those events as they are now, not as stored.
    /// Candidates are read once, before the batch's first article; the store does not change under the batch, which
    /// holds the store gate.
    /// </summary>
    sealed class BatchEvents(Dictionary<(EventType Group, EventDate? Date), List<StoredEvent>> candidates)
    {
        public List<BatchEvent> Added { get; } = [];
        public Dictionary<int, BatchEvent> Taken { get; } = [];
        public Dictionary<(EventType Group, EventDate? Date), List<StoredEvent>> Candidates { get; } = candidates;
    }

    void AddEventReport(Article article, ExtractedEvent reported, IReadOnlyList<TopicMention> topics,
        Dictionary<string, Actor> actors, BatchEvents events, FactRows facts)
    {
        var ev = FindSameEvent(reported, events);
        if (ev is null && reported.ReferenceOnly) return; // a passing reference never makes an event of its own
        if (ev is null)
        {
            var row = new Event { Type = reported.Type, Planned = reported.Planned, Place = reported.Place, FirstReportedAt = article.PublishedAt };
            SetDate(row, reported.Date);
            db.Events.Add(row);
            ev = new BatchEvent(row, []);
            events.Added.Add(ev);
        }
        else
        {
            // The core's merge decides type, date, place and status (planned, then held, is one event).
            var merged = EventMatcher.Merge(ev.AsReport(), reported);
            ev.Row.Type = merged.Type;
            ev.Row.Planned = merged.Planned;
            ev.Row.Place = merged.Place;
            SetDate(ev.Row, merged.Date);
            if (article.PublishedAt < ev.Row.FirstReportedAt) ev.Row.FirstReportedAt = article.PublishedAt;
        }

        foreach (var name in reported.Participants)
        {
            if (actors.TryGetValue(name, out var actor) && !ev.Participants.Contains(actor.Name))
            {
                ev.Participants.Add(actor.Name);
                facts.Participants.Add((ev.Row, actor));
            }
        }

        ev.Changed();
        facts.Reports.Add((new EventReport { ArticleId = article.Id, SentenceStart = reported.Sentence.Start, SentenceEnd = reported.Sentence.End }, ev.Row));

        // An event is on the topics named in the paragraph that reports it.
        var paragraph = ParagraphAround(article.Text, reported.Sentence);
        foreach (var slug in topics.Where(t => t.Span.Start >= paragraph.Start && t.Span.End <= paragraph.End).Select(t => t.Slug).Distinct())
        {
            if (ev.TopicsAdded.Add(slug))
                facts.EventTopics.Add((ev.Row, slug));
        }
    }

    /// <summary>
    /// An event, stored or added by this batch, that is the same real event by the core's identity rules. Stored
    /// candidates are read as plain values; the one chosen is attached with those values, so that EF updates only
    /// what the merge changes.
    /// </summary>
    BatchEvent? FindSameEvent(ExtractedEvent reported, BatchEvents events)
    {
        var stored = events.Candidates[(EventMatcher.GroupOf(reported.Type), reported.Date)];

        var known = new List<ExtractedEvent>(events.Added.Count + stored.Count);
        known.AddRange(events.Added.Select(e => e.AsReport()));
        foreach (var e in stored)
            known.Add(events.Taken.TryGetValue(e.Id, out var taken) ? taken.AsReport() : e.Report);

        int best = EventMatcher.BestMatch(reported, known);
        if (best < 0) return null;
        if (best < events.Added.Count) return events.Added[best];
        var chosen = stored[best - events.Added.Count];
        if (!events.Taken.TryGetValue(chosen.Id, out var ev))
        {
            var row = new Event
            {
                Id = chosen.Id, Type = chosen.Type, HappenedOn = chosen.HappenedOn, DatePrecision = chosen.DatePrecision,
                Planned = chosen.Planned, Place = chosen.Place, FirstReportedAt = chosen.FirstReportedAt,
            };
            db.Events.Attach(row);
            ev = new BatchEvent(row, chosen.Participants);
            events.Taken[chosen.Id] = ev;
        }
        return ev;
    }

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
