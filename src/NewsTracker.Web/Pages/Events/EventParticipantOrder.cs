using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Pages.Events;

/// <summary>A participant of an event, with how many of the event's report sentences name them.</summary>
public sealed record EventActor(int ActorId, string Slug, string Name, int ReportsNaming);

/// <summary>
/// The order every page and feed lists an event's participants in, principals first: by how many of the event's report
/// sentences name them, then by name. Extraction also counts people named beside a meeting (a summit's guests, whoever
/// was briefed after it) as taking part; the ones the reports keep naming are the ones it was about.
/// </summary>
public static class EventParticipantOrder
{
    /// <summary>Each event's participants in that order; an event without any has an empty list.</summary>
    public static async Task<Dictionary<int, List<EventActor>>> OfEventsAsync(NewsTrackerDb db, IReadOnlyCollection<int> eventIds, CancellationToken ct)
    {
        var ids = eventIds.Distinct().ToList();
        // A report names a participant when one of the participant's mentions lies inside the report's sentence: probed in
        // the (ActorId, ArticleId) index of mentions, once per report.
        var rows = await db.EventParticipants.Where(p => ids.Contains(p.EventId))
            .Select(p => new
            {
                p.EventId, p.ActorId, p.Actor!.Slug, p.Actor.Name,
                ReportsNaming = db.EventReports.Count(r => r.EventId == p.EventId && db.ActorMentions.Any(m =>
                    m.ActorId == p.ActorId && m.ArticleId == r.ArticleId && m.Start >= r.SentenceStart && m.End <= r.SentenceEnd)),
            })
            .ToListAsync(ct);
        var byEvent = rows.ToLookup(r => r.EventId, r => new EventActor(r.ActorId, r.Slug, r.Name, r.ReportsNaming));
        return ids.ToDictionary(id => id, id => InOrder(byEvent[id]));
    }

    public static List<EventActor> InOrder(IEnumerable<EventActor> participants) =>
        participants.OrderByDescending(p => p.ReportsNaming).ThenBy(p => p.Name, StringComparer.InvariantCulture).ThenBy(p => p.ActorId).ToList();
}
