using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsTracker.Core.Feeds;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Events;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Timeline;

/// <summary>
/// GET /timeline.atom?…: the newest events of any filtered timeline as an Atom feed (RFC 4287), to subscribe to
/// "Putin + ceasefire". Links start from the configured public address; every text passes through
/// <see cref="XmlChars"/>, since stored text may hold characters XML forbids.
/// </summary>
public static class TimelineAtomFeed
{
    const int Entries = 50;
    const int ExcerptsPerEntry = 5;

    public static void MapTimelineAtomFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/timeline.atom", async (HttpContext http, NewsTrackerDb db, StoryCatalog story, IOptions<PublicSiteOptions> site, CancellationToken ct) =>
        {
            var filter = TimelineFilter.FromQuery(http.Request.Query);
            await filter.ResolveAsync(db, story, ct);
            if (filter.NotFound is not null) return Results.NotFound(filter.NotFound);

            var events = await filter.Apply(db.Events.AsNoTracking(), db)
                .OrderByDescending(e => e.FirstReportedAt).ThenByDescending(e => e.Id).Take(Entries)
                .Select(e => new
                {
                    e.Id, e.Type, e.Planned, e.Place, e.FirstReportedAt, e.HappenedOn, e.DatePrecision,
                    Excerpts = e.Reports.OrderBy(r => r.Article!.PublishedAt).Take(ExcerptsPerEntry).Select(r => new
                    {
                        r.Article!.Title, r.Article.Source,
                        Sentence = r.Article.Text.Substring(r.SentenceStart, r.SentenceEnd - r.SentenceStart),
                        r.Article.PublishedAt,
                    }).ToList(),
                })
                .ToListAsync(ct);
            var participants = await EventParticipantOrder.OfEventsAsync(db, events.Select(e => e.Id).ToList(), ct);

            string query = http.Request.QueryString.Value ?? "";
            string pageUrl = site.Value.Link("/" + query);
            using var buffer = new MemoryStream();
            using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            {
                const string atom = "http://www.w3.org/2005/Atom";
                void Text(string name, string value) => xml.WriteElementString(name, atom, XmlChars.Valid(value));
                void Link(string? rel, string href)
                {
                    xml.WriteStartElement("link", atom);
                    if (rel is not null) xml.WriteAttributeString("rel", rel);
                    xml.WriteAttributeString("href", XmlChars.Valid(href));
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("feed", atom);
                Text("title", $"{story.Definition.Name}: {Describe(filter, story)}");
                Text("id", pageUrl);
                Link("alternate", pageUrl);
                Link("self", site.Value.Link("/timeline.atom" + query));
                xml.WriteStartElement("author", atom);
                Text("name", "NewsTracker");
                xml.WriteEndElement();
                Text("updated", XmlConvert.ToString((events.Count > 0 ? events.Max(e => e.FirstReportedAt) : DateTimeOffset.UnixEpoch).UtcDateTime, XmlDateTimeSerializationMode.Utc));
                foreach (var e in events)
                {
                    string when = EventTitles.When(e.HappenedOn, e.DatePrecision, e.Planned, "d MMMM yyyy");
                    xml.WriteStartElement("entry", atom);
                    Text("title", $"{EventTitles.Of(e.Type, participants[e.Id].Select(p => p.Name).ToList(), e.Place)} ({(e.Planned && e.HappenedOn is not null ? "planned for " : "")}{when})");
                    string eventPage = site.Value.Link($"/events/{e.Id}");
                    Text("id", eventPage);
                    Link("alternate", eventPage);
                    Text("updated", XmlConvert.ToString(e.FirstReportedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc));
                    xml.WriteStartElement("content", atom);
                    xml.WriteAttributeString("type", "text");
                    xml.WriteString(XmlChars.Valid($"When: {when}.\n" + string.Join("\n", e.Excerpts.Select(x => $"“{x.Sentence}” ({x.Source}, {x.PublishedAt:d MMM yyyy})"))));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
        });

    static string Describe(TimelineFilter filter, StoryCatalog story)
    {
        var parts = filter.Actors.Select(a => a.Name).Concat(filter.TopicSlugs.Select(story.TopicName)).ToList();
        if (filter.Outlet is not null) parts.Add(filter.Outlet);
        if (!string.IsNullOrWhiteSpace(filter.Words)) parts.Add($"“{filter.Words}”");
        return parts.Count == 0 ? "all events" : string.Join(" + ", parts);
    }
}
