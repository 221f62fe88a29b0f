using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Timeline;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Api;

/// <summary>
/// The read-only JSON API: /api/events (the timeline's filters), /api/actors, /api/claims (?actor=, ?topic=)
/// and /api/articles, each paginated with ?page= and ?pageSize= (at most 200) in one envelope.
/// </summary>
public static class ReadApi
{
    const int DefaultPageSize = 50, MaxPageSize = 200;
    const int SourcesPerEvent = 5;

    public static void MapReadApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/events", async (HttpContext http, NewsTrackerDb db, StoryCatalog story, CancellationToken ct) =>
        {
            if (ReadPaging(http) is not { } paging) return BadPaging();
            var filter = TimelineFilter.FromQuery(http.Request.Query);
            await filter.ResolveAsync(db, story, ct);
            if (filter.NotFound is not null) return Results.NotFound(new { error = filter.NotFound });
            var query = filter.Apply(db.Events.AsNoTracking(), db);
            var items = await query
                .OrderBy(e => e.HappenedOn == null ? 0 : 1).ThenByDescending(e => e.HappenedOn).ThenByDescending(e => e.Id)
                .Skip(paging.Skip).Take(paging.Size)
                .Select(e => new
                {
                    e.Id,
                    // The event's page, relative like the API's next links.
                    Url = "/events/" + e.Id.ToString(),
                    Type = e.Type.ToString().ToLower(),
                    e.HappenedOn,
                    DatePrecision = e.DatePrecision.ToString().ToLower(),
                    e.Planned,
                    e.Place,
                    e.FirstReportedAt,
                    Participants = e.Participants.Select(p => new { p.Actor!.Slug, p.Actor.Name }).ToList(),
                    Topics = e.Topics.Select(t => t.TopicSlug).ToList(),
                    ReportCount = e.Reports.Count(),
                    // The first reports only, so that one heavily reported event cannot grow a page without bound.
                    Sources = e.Reports.OrderBy(r => r.Article!.PublishedAt).ThenBy(r => r.Id).Take(SourcesPerEvent).Select(r => new
                    {
                        r.ArticleId, r.Article!.Url, r.Article.Source,
                        Excerpt = r.Article.Text.Substring(r.SentenceStart, r.SentenceEnd - r.SentenceStart),
                        r.SentenceStart, r.SentenceEnd,
                    }).ToList(),
                })
                .ToListAsync(ct);
            return Results.Ok(await EnvelopeAsync(http, paging, query.CountAsync(ct), items, filter.Notes));
        });

        api.MapGet("/actors", async (HttpContext http, NewsTrackerDb db, CancellationToken ct) =>
        {
            if (ReadPaging(http) is not { } paging) return BadPaging();
            var query = db.Actors.AsNoTracking();
            var items = await query.OrderBy(a => a.Name).Skip(paging.Skip).Take(paging.Size)
                .Select(a => new { a.Slug, a.Name, Kind = a.Kind.ToString().ToLower(), a.Role, a.Aliases, a.Discovered })
                .ToListAsync(ct);
            return Results.Ok(await EnvelopeAsync(http, paging, query.CountAsync(ct), items));
        });

        api.MapGet("/claims", async (HttpContext http, NewsTrackerDb db, string? actor, string? topic, CancellationToken ct) =>
        {
            if (ReadPaging(http) is not { } paging) return BadPaging();
            var query = db.Claims.AsNoTracking();
            if (actor is not null)
            {
                if (!await db.Actors.AnyAsync(a => a.Slug == actor, ct)) return Results.NotFound(new { error = $"No actor “{actor}” is known to this story." });
                query = query.Where(c => c.Speaker!.Slug == actor);
            }
            if (topic is not null) query = query.Where(c => c.Topics.Contains(topic));
            var items = await query.OrderByDescending(c => c.Article!.PublishedAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size)
                .Select(c => new
                {
                    c.Id, Speaker = new { c.Speaker!.Slug, c.Speaker.Name }, Kind = c.Kind.ToString().ToLower(), c.Text, c.Topics,
                    c.ArticleId, c.Article!.Url, c.Article.Source, c.Article.PublishedAt, c.Start, c.End,
                    Sentence = c.Article.Text.Substring(c.SentenceStart, c.SentenceEnd - c.SentenceStart),
                })
                .ToListAsync(ct);
            return Results.Ok(await EnvelopeAsync(http, paging, query.CountAsync(ct), items));
        });

        api.MapGet("/articles", async (HttpContext http, NewsTrackerDb db, CancellationToken ct) =>
        {
            if (ReadPaging(http) is not { } paging) return BadPaging();
            var query = db.Articles.AsNoTracking();
            var items = await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.Size)
                .Select(a => new
                {
                    a.Id, a.Url, a.Title, a.Source, a.Author, a.PublishedAt,
                    Outlets = a.Outlets.Select(o => new { o.Source, o.Url }).ToList(),
                    Topics = a.Topics.Select(t => t.TopicSlug).ToList(),
                    Length = a.Text.Length,
                })
                .ToListAsync(ct);
            return Results.Ok(await EnvelopeAsync(http, paging, query.CountAsync(ct), items));
        });
    }

    sealed record PageRequest(int Number, int Size)
    {
        public int Skip => (Number - 1) * Size;
    }

    /// <summary>?page= and ?pageSize=, or null when either is present but not a positive whole number.</summary>
    static PageRequest? ReadPaging(HttpContext http)
    {
        static int? Read(string? text, int fallback) => string.IsNullOrEmpty(text) ? fallback : int.TryParse(text, out int n) && n >= 1 ? n : null;
        int? page = Read(http.Request.Query["page"], 1);
        int? size = Read(http.Request.Query["pageSize"], DefaultPageSize);
        return page is null || size is null ? null : new PageRequest(page.Value, Math.Min(size.Value, MaxPageSize));
    }

    static IResult BadPaging() =>
        Results.BadRequest(new { error = "page and pageSize must be whole numbers of at least 1 (pageSize at most 200)." });

    static async Task<object> EnvelopeAsync<T>(HttpContext http, PageRequest paging, Task<int> total, IReadOnlyList<T> items, IReadOnlyList<string>? notes = null)
    {
        int count = await total;
        string? next = paging.Skip + items.Count < count ? NextUrl(http, paging.Number + 1) : null;
        return new { page = paging.Number, pageSize = paging.Size, total = count, items, next, notes = notes ?? [] };
    }

    static string NextUrl(HttpContext http, int page)
    {
        var query = http.Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return $"{http.Request.Path}?{string.Join('&', query.Append($"page={page}"))}";
    }
}
