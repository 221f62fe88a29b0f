using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsTracker.Core.ArticleText;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Feeds;
using NewsTracker.Web.Data;
using NewsTracker.Web.Search;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Ingestion;

/// <summary>What one refresh of one feed did.</summary>
public sealed record RefreshResult(int Stored, int Seen, int Duplicates, int OffStory, string? Error, bool NotModified = false)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Refreshes one feed: fetch (conditionally), parse, then, a batch of items at a time, prepare what needs no writes
/// (which items are new, full text where the feed has only a summary, the on-story check, extraction) and store
/// each new item once (by guid, canonical URL, then near-identical text) with its facts.
/// A failure is recorded on the feed with its reason and a backed-off next attempt, never thrown, so one broken
/// feed cannot stop the others and nothing stored is touched.
/// </summary>
public sealed class FeedRefresher(
    NewsTrackerDb db,
    DocumentFetcher fetcher,
    StoryCatalog story,
    ArticleIndexer indexer,
    ArticleExtraction extraction,
    PollSchedule schedule,
    StoreGate gate,
    RecentFingerprints fingerprints,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<FeedRefresher> log)
{
    /// <summary>
    /// Items are prepared and stored this many at a time: enough that a batch costs a few statements and two commits
    /// instead of dozens per item, few enough that a large feed neither holds the store for long nor keeps a thousand
    /// pages' text in memory.
    /// </summary>
    public const int BatchSize = 50;

    public async Task<RefreshResult> RefreshAsync(Feed feed, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        ParsedFeed parsed;
        FetchedDocument? document;
        try
        {
            document = await fetcher.FetchAsync(feed.Url, new CacheValidators(feed.ETag, feed.LastModified), ct);
            if (document is null)
                return await gate.RunAsync(db, () => RecordNotModifiedAsync(feed, startedAt, ct), ct);
            parsed = FeedParser.Parse(document.Body, document.ContentType);
        }
        catch (Exception e) when (e is FetchException or FeedParseException)
        {
            return await gate.RunAsync(db, () => RecordFailureAsync(feed, startedAt, e.Message, (e as FetchException)?.RetryAfter, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Whatever a host or a document manages to throw past the fetcher and the parser is still this feed's
            // failure only: recorded and backed off like any other, so that the pass goes on with the other feeds.
            log.LogError(e, "Fetching feed {FeedUrl} failed unexpectedly", feed.Url);
            return await gate.RunAsync(db, () => RecordFailureAsync(feed, startedAt, $"fetching it failed: {e.Message}", null, ct), ct);
        }

        var tally = new Tally();
        try
        {
            foreach (var batch in parsed.Items.Select(ItemKeys.Of).OfType<ItemKeys>().Chunk(BatchSize))
            {
                var prepared = await PrepareAsync(batch, tally, ct);
                if (prepared.Count > 0)
                    await gate.RunAsync(db, () => StoreAsync(feed, prepared, tally, ct), ct);
            }
            return await gate.RunAsync(db, () => RecordRefreshedAsync(feed, parsed, document, tally, startedAt, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or a store failure while keeping one feed's items must not stop the other feeds. What was saved
            // stays; an article whose extraction did not finish is pending and is indexed again on the next pass.
            log.LogError(e, "Storing items of feed {FeedUrl} failed", feed.Url);
            db.ChangeTracker.Clear();
            var fresh = await db.Feeds.FindAsync([feed.Id], ct) ?? feed;
            return await gate.RunAsync(db, () => RecordFailureAsync(fresh, startedAt, $"storing its items failed: {e.Message}", null, ct), ct);
        }
    }

    /// <summary>What a refresh has done so far, over its batches.</summary>
    sealed class Tally
    {
        public int Stored, Seen, Duplicates, OffStory;
        /// <summary>Characters XML forbids that were dropped from the text of the pages fetched for full text.</summary>
        public int DroppedFromPages;
    }

    /// <summary>The keys an item is known by: its guid, its link, and the link without tracking parameters (or the page's rel=canonical).</summary>
    sealed record ItemKeys(FeedItem Item, string? Guid, string Url, string CanonicalUrl)
    {
        public static ItemKeys? Of(FeedItem item)
        {
            string? link = item.Link?.Trim();
            string? guid = item.Id?.Trim();
            if (string.IsNullOrEmpty(link) && string.IsNullOrEmpty(guid)) return null;
            string url = string.IsNullOrEmpty(link) ? guid! : link;
            return new ItemKeys(item, string.IsNullOrEmpty(guid) ? null : guid, url, Core.Feeds.CanonicalUrl.Of(url));
        }
    }

    /// <summary>A new on-story item with its text and facts, ready to be kept. Facts are null when extraction failed: the article is then stored pending.</summary>
    sealed record Candidate(ItemKeys Keys, string Title, string Text, DateTimeOffset PublishedAt, long? Fingerprint, ExtractionResult? Facts)
    {
        /// <summary>Made at the first text comparison, and kept for the others.</summary>
        public TextFingerprint.ShingleSet Shingles => field ??= TextFingerprint.ShingleSet.Of(Text);
    }

    /// <summary>
    /// The work that needs no writes, done outside the store gate so that it runs concurrently with other feeds:
    /// which items are new, their full text (pages fetched here), the on-story check and extraction.
    /// </summary>
    async Task<List<Candidate>> PrepareAsync(ItemKeys[] batch, Tally tally, CancellationToken ct)
    {
        var known = await StoredKeysAsync(batch, ct);
        var candidates = new List<Candidate>();
        var now = clock.GetUtcNow();
        foreach (var keys in batch)
        {
            if (known.Contains(keys)) { tally.Seen++; continue; }
            known.Add(keys); // the same item twice in one feed is one item

            var item = keys.Item;
            var (text, pageCanonical) = await ArticleTextAsync(item, keys, tally, ct);
            var kept = keys;
            if (pageCanonical is not null && pageCanonical != keys.CanonicalUrl)
            {
                kept = keys with { CanonicalUrl = pageCanonical };
                if (known.Contains(kept) || (await StoredKeysAsync([kept], ct)).Contains(kept)) { tally.Seen++; continue; }
                known.Add(kept);
            }

            string title = StoredFieldLimits.Cut(TitleText(item.Title), StoredFieldLimits.Title, out bool titleCut);
            text = StoredFieldLimits.Cut(text, StoredFieldLimits.Text, out bool textCut);
            if (titleCut || textCut)
                log.LogWarning("Item {Link}: its {Fields} cut to the stored limit", keys.Url, titleCut && textCut ? "title and text were" : titleCut ? "title was" : "text was");
            if (!story.OnStory.Matches(title, text)) { tally.OffStory++; continue; }

            var published = item.Published ?? now;
            candidates.Add(new Candidate(kept, title, text, published, TextFingerprint.Of(text), extraction.TryExtract(text, published, kept.Url)));
        }
        return candidates;
    }

    /// <summary>Which of these items are stored as an article, or already recorded as another outlet of one (else every poll would add that outlet again).</summary>
    async Task<KnownItems> StoredKeysAsync(IReadOnlyCollection<ItemKeys> items, CancellationToken ct)
    {
        var guids = items.Select(i => i.Guid).OfType<string>().Distinct().ToList();
        var canonicalUrls = items.Select(i => i.CanonicalUrl).Distinct().ToList();
        var urls = items.Select(i => i.Url).Distinct().ToList();
        // One query (UNION ALL) rather than three: this is asked twice per batch, and for feeds of a few items each
        // query's fixed cost is most of its cost.
        var found = await db.Articles.Where(a => guids.Contains(a.Guid!)).Select(a => new { Key = KeyKind.Guid, Value = a.Guid! })
            .Concat(db.Articles.Where(a => canonicalUrls.Contains(a.CanonicalUrl)).Select(a => new { Key = KeyKind.CanonicalUrl, Value = a.CanonicalUrl }))
            .Concat(db.ArticleOutlets.Where(o => urls.Contains(o.Url)).Select(o => new { Key = KeyKind.OutletUrl, Value = o.Url }))
            .ToListAsync(ct);
        return new KnownItems(
            [.. found.Where(f => f.Key == KeyKind.Guid).Select(f => f.Value)],
            [.. found.Where(f => f.Key == KeyKind.CanonicalUrl).Select(f => f.Value)],
            [.. found.Where(f => f.Key == KeyKind.OutletUrl).Select(f => f.Value)]);
    }

    enum KeyKind { Guid, CanonicalUrl, OutletUrl }

    sealed record KnownItems(HashSet<string> Guids, HashSet<string> CanonicalUrls, HashSet<string> OutletUrls)
    {
        public bool Contains(ItemKeys item) =>
            (item.Guid is not null && Guids.Contains(item.Guid)) || CanonicalUrls.Contains(item.CanonicalUrl) || OutletUrls.Contains(item.Url);

        public void Add(ItemKeys item)
        {
            if (item.Guid is not null) Guids.Add(item.Guid);
            CanonicalUrls.Add(item.CanonicalUrl);
            OutletUrls.Add(item.Url);
        }
    }

    /// <summary>The item's own text, or the linked page's main text when the feed carries only a summary; and the page's canonical URL.</summary>
    async Task<(string Text, string? CanonicalUrl)> ArticleTextAsync(FeedItem item, ItemKeys keys, Tally tally, CancellationToken ct)
    {
        string feedText = ArticleHtml.FragmentToText(item.Content ?? item.Summary ?? "");
        string? link = item.Link?.Trim();
        if (feedText.Length >= options.Value.MinFeedTextLength || string.IsNullOrEmpty(link) || !DocumentFetcher.IsHttp(link))
            return (feedText, null);
        try
        {
            var page = await fetcher.FetchAsync(link, ct);
            var extracted = ArticleHtml.ExtractPage(HtmlDecoding.Decode(page.Body, page.ContentType), page.Location);
            string? canonical = extracted.CanonicalUrl is { } c && DocumentFetcher.IsHttp(c) ? CanonicalUrl.Of(c) : null;
            if (extracted.Text.Length <= feedText.Length)
                return (feedText, canonical);
            tally.DroppedFromPages += extracted.DroppedCharacterCount;
            return (extracted.Text, canonical);
        }
        catch (FetchException e)
        {
            // The summary is still worth keeping; nothing is lost by storing it now.
            log.LogInformation("Full text of {Link} not fetched, keeping the feed's summary: {Error}", keys.Url, e.Message);
            return (feedText, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // One item's page must not cost the feed its other items.
            log.LogWarning(e, "Full text of {Link} failed unexpectedly, keeping the feed's summary", keys.Url);
            return (feedText, null);
        }
    }

    /// <summary>
    /// Keeps a batch of prepared items, inside the store gate: each not stored meanwhile becomes an article, or one more
    /// outlet of an article with nearly the same text. The articles are committed before their facts, so that an
    /// interruption in between leaves them pending (finished on the next pass), never lost.
    /// </summary>
    async Task StoreAsync(Feed feed, List<Candidate> batch, Tally tally, CancellationToken ct)
    {
        // Asked again inside the gate: another feed, or another instance, may have stored some since they were prepared.
        var known = await StoredKeysAsync([.. batch.Select(c => c.Keys)], ct);
        var recent = await fingerprints.LatestAsync(db, ct);

        var now = clock.GetUtcNow();
        var added = new List<(Article Article, ExtractionResult? Facts)>();
        int stored = 0, duplicates = 0;
        foreach (var candidate in batch)
        {
            var keys = candidate.Keys;
            if (known.Contains(keys)) { tally.Seen++; continue; }
            known.Add(keys);

            string source = SourceName(keys.Url, feed);
            var outlet = new ArticleOutlet { FeedId = feed.Id, Url = keys.Url, Source = source, SeenAt = now };
            // The same text under another URL or outlet: one article, one more outlet.
            if (NearDuplicateInBatch(candidate, added) is { } original)
            {
                original.Outlets.Add(outlet);
                duplicates++;
                continue;
            }
            if (await StoredNearDuplicateAsync(candidate, recent, ct) is int originalId)
            {
                outlet.ArticleId = originalId;
                db.ArticleOutlets.Add(outlet);
                duplicates++;
                continue;
            }
            var article = new Article
            {
                FeedId = feed.Id,
                Guid = keys.Guid,
                Url = keys.Url,
                CanonicalUrl = keys.CanonicalUrl,
                Fingerprint = candidate.Fingerprint,
                Title = candidate.Title.Length > 0 ? candidate.Title : "(untitled)",
                Source = source,
                Author = keys.Item.Author is { } author ? StoredFieldLimits.Cut(author, StoredFieldLimits.Author, out _) : null,
                PublishedAt = candidate.PublishedAt,
                FetchedAt = now,
                Text = candidate.Text,
                Outlets = [outlet],
            };
            db.Articles.Add(article);
            added.Add((article, candidate.Facts));
            stored++;
        }

        // The counters are committed with the articles they count, and the articles with their search index entries.
        feed.ItemsStored += stored;
        feed.ItemsDuplicate += duplicates;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await SearchIndex.AddArticlesAsync(db, [.. added.Select(a => a.Article.Id)], ct);
            await tx.CommitAsync(ct);
        }
        foreach (var (article, _) in added.Where(a => a.Facts is null))
            extraction.Failed(article.Id);
        tally.Stored += stored;
        tally.Duplicates += duplicates;

        await indexer.IndexAsync([.. added.Where(a => a.Facts is not null).Select(a => (a.Article, a.Facts!))], ct);
    }

    /// <summary>An article added earlier in this batch with nearly the same text.</summary>
    static Article? NearDuplicateInBatch(Candidate candidate, List<(Article Article, ExtractionResult? Facts)> addedInBatch)
    {
        if (candidate.Fingerprint is not long mine) return null;
        foreach (var (article, _) in addedInBatch)
        {
            if (article.Fingerprint is long theirs && TextFingerprint.MayBeNearDuplicates(theirs, mine)
                && TextFingerprint.ShingleSet.Of(article.Text).IsNearDuplicateOf(candidate.Shingles))
                return article;
        }
        return null;
    }

    /// <summary>
    /// The id of a stored article with nearly the same text. SimHash distances cannot be indexed in SQL, so recent
    /// fingerprints are compared in memory (a few thousand longs, in microseconds), and the few close ones are
    /// confirmed by comparing their texts, read in one query. Articles on one story share quotes and phrases, so
    /// most candidates have a close one or two that the texts then rule out.
    /// </summary>
    async Task<int?> StoredNearDuplicateAsync(Candidate candidate, IReadOnlyList<StoredFingerprint> recent, CancellationToken ct)
    {
        if (candidate.Fingerprint is not long mine) return null;
        var closest = recent.Where(r => TextFingerprint.MayBeNearDuplicates(r.Fingerprint, mine))
            .OrderBy(r => TextFingerprint.Distance(r.Fingerprint, mine)).Take(5).Select(r => r.Id).ToList();
        if (closest.Count == 0) return null;
        var texts = await db.Articles.Where(a => closest.Contains(a.Id)).Select(a => new { a.Id, a.Text }).ToDictionaryAsync(a => a.Id, a => a.Text, ct);
        foreach (int id in closest)
        {
            // An article deleted since its fingerprint was read is not there to compare with.
            if (texts.TryGetValue(id, out var text) && TextFingerprint.ShingleSet.Of(text).IsNearDuplicateOf(candidate.Shingles))
                return id;
        }
        return null;
    }

    async Task<RefreshResult> RecordRefreshedAsync(Feed feed, ParsedFeed parsed, FetchedDocument document, Tally tally,
        DateTimeOffset startedAt, CancellationToken ct)
    {
        feed.Title = string.IsNullOrWhiteSpace(parsed.Title) ? feed.Title : parsed.Title.Trim();
        feed.ETag = document.ETag;
        feed.LastModified = document.LastModified;
        feed.ItemsSkippedOffStory += tally.OffStory;
        feed.LastWarning = DroppedCharactersWarning(parsed.DroppedCharacterCount, tally.DroppedFromPages);
        var interval = schedule.IntervalFor(parsed.Items.Where(i => i.Published is not null).Select(i => i.Published!.Value));
        RecordSuccess(feed, startedAt, interval);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Feed {FeedUrl}: {Stored} new, {Seen} already stored, {Duplicates} copies of stored articles, {OffStory} off-story; next in {Interval}",
            feed.Url, tally.Stored, tally.Seen, tally.Duplicates, tally.OffStory, interval);
        return new RefreshResult(tally.Stored, tally.Seen, tally.Duplicates, tally.OffStory, null);
    }

    void RecordSuccess(Feed feed, DateTimeOffset at, TimeSpan interval)
    {
        feed.LastFetchedAt = at;
        feed.LastSuccessAt = at;
        feed.LastError = null;
        feed.ConsecutiveErrors = 0;
        feed.PollIntervalSeconds = (int)interval.TotalSeconds;
        feed.NextFetchAt = at + interval;
    }

    async Task<RefreshResult> RecordNotModifiedAsync(Feed feed, DateTimeOffset at, CancellationToken ct)
    {
        RecordSuccess(feed, at, feed.PollIntervalSeconds > 0 ? TimeSpan.FromSeconds(feed.PollIntervalSeconds) : options.Value.PollInterval);
        await db.SaveChangesAsync(ct);
        return new RefreshResult(0, 0, 0, 0, null, NotModified: true);
    }

    async Task<RefreshResult> RecordFailureAsync(Feed feed, DateTimeOffset at, string error, TimeSpan? retryAfter, CancellationToken ct)
    {
        feed.LastFetchedAt = at;
        feed.LastError = error;
        feed.ConsecutiveErrors++;
        feed.NextFetchAt = at + schedule.BackoffAfter(feed.ConsecutiveErrors, retryAfter);
        if (schedule.ShouldPause(feed.ConsecutiveErrors))
        {
            feed.Status = FeedStatus.Paused;
            feed.PausedReason = $"paused after {feed.ConsecutiveErrors} failures in a row; the last: {error}";
            feed.NextFetchAt = null;
        }
        await db.SaveChangesAsync(ct);
        log.LogWarning("Feed {FeedUrl} failed ({Failures} in a row): {Error}", feed.Url, feed.ConsecutiveErrors, error);
        return new RefreshResult(0, 0, 0, 0, error);
    }

    /// <summary>The feed's warning when characters XML forbids were dropped to read it and its pages; null when none were.</summary>
    internal static string? DroppedCharactersWarning(int fromFeed, int fromPages)
    {
        int total = fromFeed + fromPages;
        if (total == 0)
            return null;
        string where = (fromFeed, fromPages) switch
        {
            (_, 0) => " from the feed",
            (0, _) => " from its articles' pages",
            _ => $": {fromFeed} from the feed, {fromPages} from its articles' pages",
        };
        return $"dropped {total} {(total == 1 ? "character" : "characters")} XML does not allow (such as control characters){where}";
    }

    /// <summary>A title is text: entities are decoded once, and anything that looks like markup stays visible as text.</summary>
    static string TitleText(string? title) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static string SourceName(string url, Feed feed) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : feed.Title ?? feed.Url;
}
