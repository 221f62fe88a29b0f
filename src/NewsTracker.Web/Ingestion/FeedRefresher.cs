using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.ArticleText;
using NewsTracker.Core.Feeds;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Ingestion;

/// <summary>What one refresh of one feed did.</summary>
public sealed record RefreshResult(int Stored, int Seen, int OffStory, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Refreshes one feed: fetch, parse, keep each new on-story item once, extract its facts.
/// A failure is recorded on the feed (never thrown), so one broken feed cannot stop the others.
/// </summary>
public sealed class FeedRefresher(
    NewsTrackerDb db,
    DocumentFetcher fetcher,
    StoryCatalog story,
    ArticleIndexer indexer,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<IngestionOptions> options,
    ILogger<FeedRefresher> log)
{
    public async Task<RefreshResult> RefreshAsync(Feed feed, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        feed.LastFetchedAt = now;
        feed.NextFetchAt = now + options.Value.PollInterval;

        ParsedFeed parsed;
        try
        {
            var document = await fetcher.FetchAsync(feed.Url, ct);
            parsed = FeedParser.Parse(document.Body, document.ContentType);
        }
        catch (Exception e) when (e is FetchException or FeedParseException)
        {
            feed.LastError = e.Message;
            feed.ConsecutiveErrors++;
            await db.SaveChangesAsync(ct);
            log.LogWarning("Feed {FeedUrl} failed: {Error}", feed.Url, e.Message);
            return new RefreshResult(0, 0, 0, e.Message);
        }

        feed.Title = string.IsNullOrWhiteSpace(parsed.Title) ? feed.Title : parsed.Title.Trim();
        int stored = 0, seen = 0, offStory = 0;
        foreach (var item in parsed.Items)
        {
            switch (await StoreItemAsync(feed, item, ct))
            {
                case ItemOutcome.Stored: stored++; break;
                case ItemOutcome.Seen: seen++; break;
                case ItemOutcome.OffStory: offStory++; break;
            }
        }

        feed.LastError = null;
        feed.ConsecutiveErrors = 0;
        feed.LastSuccessAt = now;
        feed.ItemsStored += stored;
        feed.ItemsSkippedOffStory += offStory;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Feed {FeedUrl}: {Stored} new, {Seen} already stored, {OffStory} off-story", feed.Url, stored, seen, offStory);
        return new RefreshResult(stored, seen, offStory, null);
    }

    enum ItemOutcome { Stored, Seen, OffStory, Unusable }

    async Task<ItemOutcome> StoreItemAsync(Feed feed, FeedItem item, CancellationToken ct)
    {
        string? link = item.Link?.Trim();
        string? guid = item.Id?.Trim();
        if (string.IsNullOrEmpty(link) && string.IsNullOrEmpty(guid)) return ItemOutcome.Unusable;
        string url = link ?? guid!;

        bool known = await db.Articles.AnyAsync(a => (guid != null && a.Guid == guid) || a.Url == url, ct);
        if (known) return ItemOutcome.Seen;

        string title = ArticleHtml.FragmentToText(item.Title ?? "").Trim();
        string text = await ArticleTextAsync(item, link, ct);
        if (!story.OnStory.Matches(title) && !story.OnStory.Matches(text)) return ItemOutcome.OffStory;

        var now = clock.GetUtcNow();
        var article = new Article
        {
            FeedId = feed.Id,
            Guid = guid,
            Url = url,
            Title = title.Length > 0 ? title : "(untitled)",
            Source = SourceName(url, feed),
            Author = item.Author,
            PublishedAt = item.Published ?? now,
            FetchedAt = now,
            Text = text,
        };
        db.Articles.Add(article);
        // Saved before extraction so that a crash in between leaves a pending article, not a lost one.
        await db.SaveChangesAsync(ct);
        await indexer.IndexAsync(article, ct);
        return ItemOutcome.Stored;
    }

    /// <summary>The item's own text, or the linked page's main text when the feed carries only a summary.</summary>
    async Task<string> ArticleTextAsync(FeedItem item, string? link, CancellationToken ct)
    {
        string feedText = ArticleHtml.FragmentToText(item.Content ?? item.Summary ?? "");
        if (feedText.Length >= options.Value.MinFeedTextLength || link is null || !DocumentFetcher.IsHttp(link))
            return feedText;
        try
        {
            var page = await fetcher.FetchAsync(link, ct);
            var extracted = ArticleHtml.ExtractPage(HtmlDecoding.Decode(page.Body, page.ContentType), link);
            return extracted.Text.Length > feedText.Length ? extracted.Text : feedText;
        }
        catch (FetchException e)
        {
            // The summary is still worth keeping; the page can be fetched on a later pass.
            log.LogInformation("Full text of {Link} not fetched, keeping the feed's summary: {Error}", link, e.Message);
            return feedText;
        }
    }

    static string SourceName(string url, Feed feed) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : feed.Title ?? feed.Url;
}
