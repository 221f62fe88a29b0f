using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsTracker.Core.ArticleText;
using NewsTracker.Core.Feeds;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Ingestion;

/// <summary>What one refresh of one feed did.</summary>
public sealed record RefreshResult(int Stored, int Seen, int Duplicates, int OffStory, string? Error, bool NotModified = false)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Refreshes one feed: fetch (conditionally), parse, fetch full text where the feed has only a summary, then
/// keep each new on-story item once (by guid, canonical URL, then near-identical text) and extract its facts.
/// A failure is recorded on the feed with its reason and a backed-off next attempt, never thrown, so one broken
/// feed cannot stop the others and nothing stored is touched.
/// </summary>
public sealed class FeedRefresher(
    NewsTrackerDb db,
    DocumentFetcher fetcher,
    StoryCatalog story,
    ArticleIndexer indexer,
    PollSchedule schedule,
    StoreGate gate,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<FeedRefresher> log)
{
    public async Task<RefreshResult> RefreshAsync(Feed feed, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        List<Candidate> candidates;
        ParsedFeed parsed;
        FetchedDocument? document;
        try
        {
            document = await fetcher.FetchAsync(feed.Url, new CacheValidators(feed.ETag, feed.LastModified), ct);
            if (document is null)
                return await gate.RunAsync(db, () => RecordNotModifiedAsync(feed, startedAt, ct), ct);
            parsed = FeedParser.Parse(document.Body, document.ContentType);
            candidates = await PrepareNewItemsAsync(parsed, ct);
        }
        catch (Exception e) when (e is FetchException or FeedParseException)
        {
            return await gate.RunAsync(db, () => RecordFailureAsync(feed, startedAt, e.Message, (e as FetchException)?.RetryAfter, ct), ct);
        }

        try
        {
            return await gate.RunAsync(db, () => StoreAsync(feed, parsed, document, candidates, startedAt, ct), ct);
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

    /// <summary>An item not stored before, with its text, ready to be kept.</summary>
    sealed record Candidate(FeedItem Item, string Url, string CanonicalUrl, string Title, string Text);

    /// <summary>The work that needs no writes: which items are new, and their full text (pages fetched here, concurrently with other feeds).</summary>
    async Task<List<Candidate>> PrepareNewItemsAsync(ParsedFeed parsed, CancellationToken ct)
    {
        var candidates = new List<Candidate>();
        foreach (var item in parsed.Items)
        {
            string? link = item.Link?.Trim();
            string? guid = item.Id?.Trim();
            if (string.IsNullOrEmpty(link) && string.IsNullOrEmpty(guid)) continue;
            string url = link ?? guid!;
            string canonical = CanonicalUrl.Of(url);
            if (await IsStoredAsync(guid, url, canonical, ct)) continue;

            var (text, pageCanonical) = await ArticleTextAsync(item, link, ct);
            if (pageCanonical is not null && pageCanonical != canonical)
            {
                canonical = pageCanonical;
                if (await IsStoredAsync(guid, url, canonical, ct)) continue;
            }
            candidates.Add(new Candidate(item, url, canonical, TitleText(item.Title), text));
        }
        return candidates;
    }

    /// <summary>Stored as an article, or already recorded as another outlet of one (else every poll would add that outlet again).</summary>
    async Task<bool> IsStoredAsync(string? guid, string url, string canonicalUrl, CancellationToken ct) =>
        await db.Articles.AnyAsync(a => (guid != null && a.Guid == guid) || a.CanonicalUrl == canonicalUrl, ct)
        || await db.ArticleOutlets.AnyAsync(o => o.Url == url, ct);

    /// <summary>The item's own text, or the linked page's main text when the feed carries only a summary; and the page's canonical URL.</summary>
    async Task<(string Text, string? CanonicalUrl)> ArticleTextAsync(FeedItem item, string? link, CancellationToken ct)
    {
        string feedText = ArticleHtml.FragmentToText(item.Content ?? item.Summary ?? "");
        if (feedText.Length >= options.Value.MinFeedTextLength || link is null || !DocumentFetcher.IsHttp(link))
            return (feedText, null);
        try
        {
            var page = await fetcher.FetchAsync(link, ct);
            var extracted = ArticleHtml.ExtractPage(HtmlDecoding.Decode(page.Body, page.ContentType), page.Location);
            string? canonical = extracted.CanonicalUrl is { } c && DocumentFetcher.IsHttp(c) ? CanonicalUrl.Of(c) : null;
            return (extracted.Text.Length > feedText.Length ? extracted.Text : feedText, canonical);
        }
        catch (FetchException e)
        {
            // The summary is still worth keeping; nothing is lost by storing it now.
            log.LogInformation("Full text of {Link} not fetched, keeping the feed's summary: {Error}", link, e.Message);
            return (feedText, null);
        }
    }

    async Task<RefreshResult> StoreAsync(Feed feed, ParsedFeed parsed, FetchedDocument document, List<Candidate> candidates,
        DateTimeOffset startedAt, CancellationToken ct)
    {
        int stored = 0, duplicates = 0, offStory = 0, storedMeanwhile = 0;
        foreach (var candidate in candidates)
        {
            switch (await StoreItemAsync(feed, candidate, ct))
            {
                case ItemOutcome.Stored: stored++; break;
                case ItemOutcome.Duplicate: duplicates++; break;
                case ItemOutcome.OffStory: offStory++; break;
                case ItemOutcome.AlreadyStored: storedMeanwhile++; break;
            }
        }
        int seen = parsed.Items.Count - candidates.Count + storedMeanwhile;

        var now = clock.GetUtcNow();
        feed.Title = string.IsNullOrWhiteSpace(parsed.Title) ? feed.Title : parsed.Title.Trim();
        feed.ETag = document.ETag;
        feed.LastModified = document.LastModified;
        feed.ItemsStored += stored;
        feed.ItemsDuplicate += duplicates;
        feed.ItemsSkippedOffStory += offStory;
        var interval = schedule.IntervalFor(parsed.Items.Where(i => i.Published is not null).Select(i => i.Published!.Value));
        RecordSuccess(feed, startedAt, interval);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Feed {FeedUrl}: {Stored} new, {Seen} already stored, {Duplicates} copies of stored articles, {OffStory} off-story; next in {Interval}",
            feed.Url, stored, seen, duplicates, offStory, interval);
        return new RefreshResult(stored, seen, duplicates, offStory, null);
    }

    enum ItemOutcome { Stored, Duplicate, OffStory, AlreadyStored }

    async Task<ItemOutcome> StoreItemAsync(Feed feed, Candidate candidate, CancellationToken ct)
    {
        var (item, url, canonical, title, text) = candidate;
        if (!story.OnStory.Matches(title) && !story.OnStory.Matches(text)) return ItemOutcome.OffStory;
        // Asked again inside the gate: another feed, or another instance, may have stored it since it was prepared.
        if (await IsStoredAsync(item.Id?.Trim(), url, canonical, ct)) return ItemOutcome.AlreadyStored;

        var now = clock.GetUtcNow();
        string source = SourceName(url, feed);
        long? fingerprint = TextFingerprint.Of(text);
        var original = await FindNearDuplicateAsync(fingerprint, text, ct);
        if (original is not null)
        {
            // The same text under another URL or outlet: one article, one more outlet.
            db.ArticleOutlets.Add(new ArticleOutlet { ArticleId = original.Id, FeedId = feed.Id, Url = url, Source = source, SeenAt = now });
            await db.SaveChangesAsync(ct);
            return ItemOutcome.Duplicate;
        }

        var article = new Article
        {
            FeedId = feed.Id,
            Guid = item.Id?.Trim(),
            Url = url,
            CanonicalUrl = canonical,
            Fingerprint = fingerprint,
            Title = title.Length > 0 ? title : "(untitled)",
            Source = source,
            Author = item.Author,
            PublishedAt = item.Published ?? now,
            FetchedAt = now,
            Text = text,
            Outlets = [new ArticleOutlet { FeedId = feed.Id, Url = url, Source = source, SeenAt = now }],
        };
        db.Articles.Add(article);
        // Saved before extraction so that a crash in between leaves a pending article, not a lost one.
        await db.SaveChangesAsync(ct);
        await indexer.IndexAsync(article, ct);
        return ItemOutcome.Stored;
    }

    /// <summary>
    /// A stored article with nearly the same text. SimHash distances cannot be indexed in SQL, so recent
    /// fingerprints are compared in memory (a few thousand longs, in microseconds), and the few close ones
    /// are confirmed by comparing their texts.
    /// </summary>
    async Task<Article?> FindNearDuplicateAsync(long? fingerprint, string text, CancellationToken ct)
    {
        if (fingerprint is not long mine) return null;
        var recent = await db.Articles.Where(a => a.Fingerprint != null).OrderByDescending(a => a.Id).Take(5000)
            .Select(a => new { a.Id, Fingerprint = a.Fingerprint!.Value }).ToListAsync(ct);
        foreach (var candidate in recent.Where(r => TextFingerprint.MayBeNearDuplicates(r.Fingerprint, mine))
                     .OrderBy(r => TextFingerprint.Distance(r.Fingerprint, mine)).Take(5))
        {
            var article = await db.Articles.FindAsync([candidate.Id], ct);
            if (article is not null && TextFingerprint.AreNearDuplicates(article.Text, text)) return article;
        }
        return null;
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

    /// <summary>A title is text: entities are decoded once, and anything that looks like markup stays visible as text.</summary>
    static string TitleText(string? title) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static string SourceName(string url, Feed feed) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : feed.Title ?? feed.Url;
}
