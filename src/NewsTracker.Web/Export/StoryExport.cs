using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Export;

/// <summary>
/// Writes the whole store as one JSON document (articles with their actors, topics, claims and events; events;
/// actors), the shape the extraction scorer reads. Streams, so a large store is never held as one string.
/// </summary>
public sealed class StoryExport(NewsTrackerDb db)
{
    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var actors = await db.Actors.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var actorsById = actors.ToDictionary(a => a.Id);

        json.WriteStartObject();
        json.WriteStartArray("articles");
        await foreach (var article in db.Articles.AsNoTracking().OrderBy(a => a.Id)
            .Include(a => a.Mentions).Include(a => a.Claims).Include(a => a.Topics).Include(a => a.EventReports)
            .AsSplitQuery().AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("id", article.Id.ToString());
            json.WriteString("url", article.Url);
            json.WriteString("title", article.Title);
            json.WriteString("source", article.Source);
            json.WriteString("published", article.PublishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
            json.WriteString("text", article.Text);
            json.WriteStartArray("actors");
            foreach (var actor in article.Mentions.Select(m => m.ActorId).Distinct().Select(id => actorsById[id]))
            {
                json.WriteStartObject();
                json.WriteString("name", actor.Name);
                json.WriteString("kind", KindName(actor));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("topics");
            foreach (var topic in article.Topics.Select(t => t.TopicSlug).Order()) json.WriteStringValue(topic);
            json.WriteEndArray();
            json.WriteStartArray("claims");
            foreach (var claim in article.Claims.OrderBy(c => c.Start))
            {
                json.WriteStartObject();
                json.WriteString("speaker", actorsById[claim.SpeakerId].Name);
                json.WriteString("text", claim.Text);
                json.WriteString("kind", claim.Kind.ToString().ToLowerInvariant());
                json.WriteNumber("start", claim.Start);
                json.WriteNumber("end", claim.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("events");
            foreach (var id in article.EventReports.Select(r => r.EventId).Distinct().Order()) json.WriteStringValue(id.ToString());
            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("events");
        await foreach (var ev in db.Events.AsNoTracking().OrderBy(e => e.HappenedOn).ThenBy(e => e.Id)
            .Include(e => e.Participants).Include(e => e.Reports).AsSplitQuery().AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("id", ev.Id.ToString());
            json.WriteString("type", ev.Type.ToString().ToLowerInvariant());
            if (ev.DateText is string date) json.WriteString("date", date); else json.WriteNull("date");
            json.WriteBoolean("planned", ev.Planned);
            if (ev.Place is string place) json.WriteString("place", place); else json.WriteNull("place");
            json.WriteStartArray("participants");
            foreach (var p in ev.Participants) json.WriteStringValue(actorsById[p.ActorId].Name);
            json.WriteEndArray();
            json.WriteStartArray("articles");
            foreach (var id in ev.Reports.Select(r => r.ArticleId).Distinct().Order()) json.WriteStringValue(id.ToString());
            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("actors");
        foreach (var actor in actors)
        {
            json.WriteStartObject();
            json.WriteString("name", actor.Name);
            json.WriteString("kind", KindName(actor));
            if (actor.Role is string role) json.WriteString("role", role); else json.WriteNull("role");
            json.WriteBoolean("discovered", actor.Discovered);
            json.WriteStartArray("aliases");
            foreach (var alias in actor.Aliases) json.WriteStringValue(alias);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static string KindName(Actor actor) => actor.Kind.ToString().ToLowerInvariant();
}
