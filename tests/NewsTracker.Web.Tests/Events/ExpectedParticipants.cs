using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Events;

/// <summary>
/// Each event's participants in the order the pages should list them, worked out here from the stored rows (not by the
/// app's query): by how many of the event's report sentences hold a mention of them, then by name.
/// </summary>
public static class ExpectedParticipants
{
    public static async Task<Dictionary<int, List<string>>> OfEveryEventAsync(TestApp app) => await app.WithDbAsync(async db =>
    {
        var participants = await db.EventParticipants.Select(p => new { p.EventId, p.ActorId, p.Actor!.Name }).ToListAsync();
        var reports = await db.EventReports.Select(r => new { r.EventId, r.ArticleId, r.SentenceStart, r.SentenceEnd }).ToListAsync();
        var mentions = (await db.ActorMentions.Select(m => new { m.ArticleId, m.ActorId, m.Start, m.End }).ToListAsync())
            .ToLookup(m => (m.ArticleId, m.ActorId));
        var events = await db.Events.Select(e => e.Id).ToListAsync();
        return events.ToDictionary(id => id, id => participants.Where(p => p.EventId == id)
            .Select(p => (p.Name, Naming: reports.Count(r => r.EventId == id
                && mentions[(r.ArticleId, p.ActorId)].Any(m => m.Start >= r.SentenceStart && m.End <= r.SentenceEnd))))
            .OrderByDescending(p => p.Naming).ThenBy(p => p.Name, StringComparer.InvariantCulture)
            .Select(p => p.Name).ToList());
    });

    /// <summary>The events whose expected order is not the alphabetical one: without them a test of the order proves nothing.</summary>
    public static List<int> NotAlphabetical(Dictionary<int, List<string>> expected) =>
        expected.Where(e => !e.Value.SequenceEqual(e.Value.Order(StringComparer.InvariantCulture))).Select(e => e.Key).ToList();
}
