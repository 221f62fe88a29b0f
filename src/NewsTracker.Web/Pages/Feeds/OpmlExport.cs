using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Feeds;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Feeds;

/// <summary>GET /feeds/opml: every feed as an OPML subscription list, to take to another reader.</summary>
public static class OpmlExport
{
    public static void MapOpmlExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/feeds/opml", async (NewsTrackerDb db, StoryCatalog story, HttpResponse response, CancellationToken ct) =>
        {
            var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).Select(f => new OpmlFeed(f.Url, f.Title)).ToListAsync(ct);
            response.ContentType = "text/x-opml; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"{story.Definition.Slug}-feeds.opml\"";
            using var buffer = new MemoryStream();
            Opml.Write(buffer, $"NewsTracker: {story.Definition.Name}", feeds);
            await response.Body.WriteAsync(buffer.ToArray(), ct);
        });
}
