using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Feeds;
using NewsTracker.Web.Data;
using NewsTracker.Web.Ingestion;

namespace NewsTracker.Web.Pages.Feeds;

/// <summary>The administrator's feed list: add (checked by fetching once), pause, resume, remove, OPML import.</summary>
[Authorize]
public sealed class ManageModel(NewsTrackerDb db, DocumentFetcher fetcher, TimeProvider clock) : PageModel
{
    public List<Feed> Feeds { get; private set; } = [];
    [BindProperty] public string? NewFeedUrl { get; set; }
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    async Task LoadAsync(CancellationToken ct) =>
        Feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Title ?? f.Url).ToListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        string url = NewFeedUrl?.Trim() ?? "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return await FailAsync($"“{url}” is not a web address: a feed's address starts with http:// or https://.", ct);
        if (await db.Feeds.AnyAsync(f => f.Url == url, ct))
            return await FailAsync($"{url} is already in the list.", ct);

        ParsedFeed parsed;
        try
        {
            var document = await fetcher.FetchAsync(url, ct);
            parsed = FeedParser.Parse(document.Body, document.ContentType);
        }
        catch (Exception e) when (e is FetchException or FeedParseException)
        {
            return await FailAsync($"{url} was not added: {e.Message}", ct);
        }

        db.Feeds.Add(new Feed { Url = url, Title = parsed.Title?.Trim(), AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        Message = $"Added “{parsed.Title ?? url}” ({parsed.Items.Count} items). Its articles appear within a minute.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPauseAsync(int id, CancellationToken ct) =>
        await ChangeAsync(id, feed =>
        {
            feed.Status = FeedStatus.Paused;
            feed.PausedReason = "paused by the administrator";
            feed.NextFetchAt = null;
            return $"Paused “{feed.Title ?? feed.Url}”.";
        }, ct);

    public async Task<IActionResult> OnPostResumeAsync(int id, CancellationToken ct) =>
        await ChangeAsync(id, feed =>
        {
            feed.Status = FeedStatus.Active;
            feed.PausedReason = null;
            feed.ConsecutiveErrors = 0;
            feed.NextFetchAt = null; // due at the next tick
            return $"Resumed “{feed.Title ?? feed.Url}”.";
        }, ct);

    /// <summary>Removes the feed; the articles it brought stay, because they are the story's record.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct) =>
        await ChangeAsync(id, feed =>
        {
            db.Feeds.Remove(feed);
            return $"Removed “{feed.Title ?? feed.Url}”. Its {feed.ItemsStored} articles stay.";
        }, ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? opml, CancellationToken ct)
    {
        if (opml is null || opml.Length == 0)
            return await FailAsync("Choose an OPML file to import.", ct);
        if (opml.Length > 5 * 1024 * 1024)
            return await FailAsync("That file is over 5 MB; an OPML list is usually a few KB.", ct);

        IReadOnlyList<OpmlFeed> listed;
        try
        {
            await using var stream = opml.OpenReadStream();
            listed = Opml.Parse(stream);
        }
        catch (FeedParseException e)
        {
            return await FailAsync($"{opml.FileName} was not imported: {e.Message}", ct);
        }

        var known = (await db.Feeds.Select(f => f.Url).ToListAsync(ct)).ToHashSet();
        int added = 0, invalid = 0;
        foreach (var feed in listed)
        {
            if (!DocumentFetcher.IsHttp(feed.Url)) { invalid++; continue; }
            if (!known.Add(feed.Url)) continue;
            db.Feeds.Add(new Feed { Url = feed.Url, Title = feed.Title, AddedAt = clock.GetUtcNow() });
            added++;
        }
        await db.SaveChangesAsync(ct);
        Message = $"Imported {added} new {(added == 1 ? "feed" : "feeds")} from {opml.FileName}" +
                  $"{(listed.Count - added - invalid > 0 ? $"; {listed.Count - added - invalid} already listed" : "")}" +
                  $"{(invalid > 0 ? $"; {invalid} skipped (not http(s) addresses)" : "")}.";
        return RedirectToPage();
    }

    async Task<IActionResult> ChangeAsync(int id, Func<Feed, string> change, CancellationToken ct)
    {
        var feed = await db.Feeds.FindAsync([id], ct);
        if (feed is null) return await FailAsync("That feed is no longer in the list.", ct);
        Message = change(feed);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    async Task<IActionResult> FailAsync(string error, CancellationToken ct)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }
}
