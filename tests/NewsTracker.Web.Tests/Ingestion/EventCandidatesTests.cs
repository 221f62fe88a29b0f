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
    public async Task The_candidates_read_from_the_store_are_exactly_the_events_the_matcher_does_not_rule_out(StoreProvider provider)
    {
        // The candidate query is the matcher's type-group and date rules written as SQL; if the two drift apart, a report
        // either misses the event it belongs to (a duplicate event) or reads rows it can never match.
        await using var app = new TestApp(provider: provider, feeds: []);
        var types = new[] { EventType.Call, EventType.Exchange, EventType.Meeting, EventType.Summit, EventType.Talks };
        await app.WithDbAsync(async db =>
        {
            foreach (var type in types)
                foreach (var date in Dates)
                    db.Events.Add(new Event
                    {
                        Type = type, FirstReportedAt = DateTimeOffset.UnixEpoch,
                        HappenedOn = date is null ? null : new DateOnly(date.Year, date.Month, date.Day ?? 1),
                        DatePrecision = date?.Day is null ? DatePrecision.Month : DatePrecision.Day,
                    });
            return await db.SaveChangesAsync();
        });
        var stored = await app.WithDbAsync(db => db.Events.Select(e => new { e.Id, e.Type, e.HappenedOn, e.DatePrecision }).ToListAsync());

        foreach (var type in types)
            foreach (var date in Dates)
            {
                var report = new ExtractedEvent(type, date, false, null, [], default);
                var expected = stored.Where(e => EventMatcher.GroupOf(e.Type) == EventMatcher.GroupOf(type)
                        && EventMatcher.DatesCompatible(ArticleIndexer.ToEventDate(e.HappenedOn, e.DatePrecision), date))
                    .Select(e => e.Id).Order().ToList();
                var read = await app.WithDbAsync(db => ArticleIndexer.StoredCandidates(db, report).Select(e => e.Id).OrderBy(id => id).ToListAsync());
                Assert.True(expected.Count > 0);
                Assert.True(expected.SequenceEqual(read), $"{type} on {date?.ToString() ?? "no date"}: expected [{string.Join(", ", expected)}], read [{string.Join(", ", read)}]");
            }
    }
}
