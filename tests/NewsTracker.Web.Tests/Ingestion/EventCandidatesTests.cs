using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

public sealed class EventCandidatesTests
{
    static readonly EventDate?[] Dates =
    [
        null, new(2025, 8, 15), new(2025, 8, 16), new(2025, 8, null), new(2025, 9, 15), new(2025, 9, null), new(2024, 8, 15), new(2025, 8, 31),
    ];

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Every_type_group_and_date_gets_the_newest_stored_events_the_matcher_does_not_rule_out(StoreProvider provider)
    {
        // The queries are the matcher's type-group and date rules written as SQL, a few per type group for the whole
        // batch. Whatever else the batch reports and however the limit falls, each (group, date) must get exactly the
        // newest of the stored events that GroupOf and DatesCompatible allow: one it misses is stored again as a second
        // event. Three events per type and date, in shuffled order, so the newest mix dated and undated ones.
        await using var app = new TestApp(provider: provider, feeds: []);
        var types = new[] { EventType.Call, EventType.Exchange, EventType.Meeting, EventType.Summit, EventType.Talks };
        var shapes = types.SelectMany(t => Dates.Select(d => (Type: t, Date: d))).SelectMany(s => new[] { s, s, s }).ToArray();
        new Random(3).Shuffle(shapes);
        await app.WithDbAsync(async db =>
        {
            var actors = await db.Actors.OrderBy(a => a.Id).Take(3).ToListAsync();
            for (int i = 0; i < shapes.Length; i++)
            {
                var (type, date) = shapes[i];
                db.Events.Add(new Event
                {
                    Type = type, FirstReportedAt = DateTimeOffset.UnixEpoch,
                    HappenedOn = date is null ? null : new DateOnly(date.Year, date.Month, date.Day ?? 1),
                    DatePrecision = date?.Day is null ? DatePrecision.Month : DatePrecision.Day,
                    Participants = [.. actors.Take(i % 4).Select(a => new EventParticipant { ActorId = a.Id })],
                });
            }
            return await db.SaveChangesAsync();
        });
        var stored = await app.WithDbAsync(db => db.Events.Select(e => new { e.Id, e.Type, e.HappenedOn, e.DatePrecision }).ToListAsync());
        var participants = await app.WithDbAsync(async db => (await db.EventParticipants.Select(p => new { p.EventId, p.Actor!.Name }).ToListAsync())
            .ToLookup(p => p.EventId, p => p.Name));
        var reports = types.SelectMany(t => Dates.Select(d => new ExtractedEvent(t, d, false, null, [], default))).ToList();

        foreach (int perReport in new[] { 1, 4, 1000 })
            foreach (var asked in new[] { reports }.Concat(reports.Select(r => new List<ExtractedEvent> { r })))
            {
                var read = await app.WithDbAsync(db => EventCandidates.ReadAsync(db, asked, perReport, CancellationToken.None));
                Assert.Equal(asked.Select(r => (EventMatcher.GroupOf(r.Type), r.Date)).Distinct().Count(), read.Count);
                foreach (var report in asked)
                {
                    var expected = stored.Where(e => EventMatcher.GroupOf(e.Type) == EventMatcher.GroupOf(report.Type)
                            && EventMatcher.DatesCompatible(EventCandidates.ToEventDate(e.HappenedOn, e.DatePrecision), report.Date))
                        .Select(e => e.Id).OrderDescending().Take(perReport).ToList();
                    var candidates = read[(EventMatcher.GroupOf(report.Type), report.Date)];
                    Assert.True(expected.Count > 0);
                    Assert.True(expected.SequenceEqual(candidates.Select(c => c.Id)),
                        $"{report.Type} on {report.Date?.ToString() ?? "no date"}, {perReport} per report, {asked.Count} reports: expected [{string.Join(", ", expected)}], read [{string.Join(", ", candidates.Select(c => c.Id))}]");
                    foreach (var c in candidates)
                        Assert.Equal(participants[c.Id].Order(), c.Participants.Order());
                }
            }
    }
}
