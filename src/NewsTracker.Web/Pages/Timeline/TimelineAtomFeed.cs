using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Timeline;

/// <summary>GET /timeline.atom?…: the newest events of any filtered timeline as an Atom feed, to subscribe to "Putin + ceasefire".</summary>
public static class TimelineAtomFeed
{
    const int Entries = 50;

    public static void MapTimelineAtomFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/timeline.atom", async (HttpContext http, NewsTrackerDb db, StoryCatalog story, CancellationToken ct) =>
        {
            var filter = TimelineFilter.FromQuery(http.Request.Query);
            await filter.ResolveAsync(db, story, ct);
            if (filter.NotFound is not null) return Results.NotFound(filter.NotFound);

            var events = await filter.Apply(db.Events.AsNoTracking())
                .OrderByDescending(e => e.FirstReportedAt).ThenByDescending(e => e.Id).Take(Entries)
                .Select(e => new
                {
                    e.Id, e.Type, e.Planned, e.Place, e.FirstReportedAt, e.HappenedOn, e.DatePrecision,
                    Participants = e.Participants.OrderBy(p => p.Actor!.Name).Select(p => p.Actor!.Name).ToList(),
                    Excerpts = e.Reports.OrderBy(r => r.Article!.PublishedAt).Select(r => new
                    {
                        r.Article!.Title, r.Article.Source,
                        Sentence = r.Article.Text.Substring(r.SentenceStart, r.SentenceEnd - r.SentenceStart),
                        r.Article.PublishedAt,
                    }).ToList(),
                })
                .ToListAsync(ct);

            string baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
            string pageUrl = baseUrl + "/" + http.Request.QueryString.Value;
            using var buffer = new MemoryStream();
            using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            {
                const string atom = "http://www.w3.org/2005/Atom";
                xml.WriteStartElement("feed", atom);
                xml.WriteElementString("title", atom, $"{story.Definition.Name}: {Describe(filter, story)}");
                xml.WriteElementString("id", atom, pageUrl);
                xml.WriteStartElement("link", atom); xml.WriteAttributeString("rel", "alternate"); xml.WriteAttributeString("href", pageUrl); xml.WriteEndElement();
                xml.WriteStartElement("link", atom); xml.WriteAttributeString("rel", "self"); xml.WriteAttributeString("href", baseUrl + http.Request.Path + http.Request.QueryString); xml.WriteEndElement();
                xml.WriteElementString("updated", atom, XmlConvert.ToString((events.Count > 0 ? events.Max(e => e.FirstReportedAt) : DateTimeOffset.UnixEpoch).UtcDateTime, XmlDateTimeSerializationMode.Utc));
                foreach (var e in events)
                {
                    string when = EventTitles.When(e.HappenedOn, e.DatePrecision, e.Planned, "d MMMM yyyy");
                    xml.WriteStartElement("entry", atom);
                    xml.WriteElementString("title", atom, $"{EventTitles.Of(e.Type, e.Participants, e.Place)} ({(e.Planned && e.HappenedOn is not null ? "planned for " : "")}{when})");
                    xml.WriteElementString("id", atom, $"{baseUrl}/events/{e.Id}");
                    xml.WriteStartElement("link", atom); xml.WriteAttributeString("href", $"{pageUrl}#event-{e.Id}"); xml.WriteEndElement();
                    xml.WriteElementString("updated", atom, XmlConvert.ToString(e.FirstReportedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc));
                    xml.WriteStartElement("content", atom);
                    xml.WriteAttributeString("type", "text");
                    xml.WriteString($"When: {when}.\n" + string.Join("\n", e.Excerpts.Select(x => $"“{x.Sentence}” ({x.Source}, {x.PublishedAt:d MMM yyyy})")));
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
