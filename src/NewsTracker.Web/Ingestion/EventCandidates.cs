using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Ingestion;

/// <summary>A stored event as a batch reads it to match reports against: plain values, and its participants by name.</summary>
internal sealed record StoredEvent(int Id, EventType Type, DateOnly? HappenedOn, DatePrecision DatePrecision, bool Planned, string? Place,
    DateTimeOffset FirstReportedAt)
{
    public List<string> Participants { get; } = [];

    public EventDate? Date { get; } = EventCandidates.ToEventDate(HappenedOn, DatePrecision);

    public ExtractedEvent Report => field ??= new(Type, Date, Planned, Place, Participants, default);
}

/// <summary>
/// The stored events that reported events could be: those <see cref="EventMatcher.Score"/> does not rule out at once
/// by type group and date, the newest first, at most <see cref="PerReport"/> for each type group and date reported.
/// </summary>
internal static class EventCandidates
{
    /// <summary>Stored candidates read per reported type group and date, newest first.</summary>
    public const int PerReport = 200;

    /// <summary>
    /// The candidates of every (type group, date) the reports name, read in a few queries per type group: a batch of 50
    /// articles reports events on some 80 different (group, date) pairs, and a query for each (two commands, with the
    /// participants) was a sixth of ingestion's time. For each pair the answer is exactly the newest
    /// <paramref name="perReport"/> stored events that <see cref="EventMatcher.GroupOf"/> and
    /// <see cref="EventMatcher.DatesCompatible"/> allow (a test holds it to that). The queries read a superset: a stored
    /// event without a date matches every date, so the newest undated ones are read once per group; the dated events on
    /// the batch's days (or in their month, to the month) are read together, as a day holds few events; each month
    /// reported without a day, and a report without a date, reads its own newest ones. The matcher's rules then pick.
    /// </summary>
    public static async Task<Dictionary<(EventType Group, EventDate? Date), List<StoredEvent>>> ReadAsync(
        NewsTrackerDb db, IEnumerable<ExtractedEvent> reports, int perReport, CancellationToken ct)
    {
        var keys = reports.Select(r => (Group: EventMatcher.GroupOf(r.Type), r.Date)).ToHashSet();
        // The queries pick ids only: they overlap, and the events they pick are then read once each.
        var ids = new HashSet<int>();
        async Task AddAsync(IQueryable<Event> events) => ids.UnionWith(await events.Select(e => e.Id).ToListAsync(ct));

        foreach (var group in keys.Select(k => k.Group).Distinct())
        {
            var dates = keys.Where(k => k.Group == group).Select(k => k.Date).ToList();
            var inGroup = InGroup(db, group);
            await AddAsync(inGroup.Where(e => e.HappenedOn == null).OrderByDescending(e => e.Id).Take(perReport));
            if (dates.Contains(null))
                await AddAsync(inGroup.OrderByDescending(e => e.Id).Take(perReport));

            var days = dates.OfType<EventDate>().Where(d => d.Day is not null).Select(d => (DateOnly?)new DateOnly(d.Year, d.Month, d.Day!.Value)).ToList();
            if (days.Count > 0)
            {
                var monthsOfDays = days.Select(d => (DateOnly?)new DateOnly(d!.Value.Year, d.Value.Month, 1)).Distinct().ToList();
                await AddAsync(inGroup.Where(e => days.Contains(e.HappenedOn) || (monthsOfDays.Contains(e.HappenedOn) && e.DatePrecision == DatePrecision.Month)));
            }
            foreach (var month in dates.OfType<EventDate>().Where(d => d.Day is null))
            {
                var first = new DateOnly(month.Year, month.Month, 1);
                var last = first.AddMonths(1).AddDays(-1);
                await AddAsync(inGroup.Where(e => e.HappenedOn >= first && e.HappenedOn <= last).OrderByDescending(e => e.Id).Take(perReport));
            }
        }

        var idList = ids.ToList();
        var newestFirst = ids.Count == 0 ? [] : await db.Events.AsNoTracking().Where(e => idList.Contains(e.Id)).OrderByDescending(e => e.Id)
            .Select(e => new StoredEvent(e.Id, e.Type, e.HappenedOn, e.DatePrecision, e.Planned, e.Place, e.FirstReportedAt))
            .ToListAsync(ct);
        if (newestFirst.Count > 0)
        {
            // One row per event, its participants' names joined by the database (group_concat, string_agg): an event
            // many articles report has a dozen participants, and a row for each was most of what candidates cost.
            var byId = newestFirst.ToDictionary(e => e.Id);
            var joined = await (from p in db.EventParticipants
                                join a in db.Actors on p.ActorId equals a.Id
                                where idList.Contains(p.EventId)
                                group a by p.EventId into participants
                                select new { EventId = participants.Key, Names = string.Join(NameSeparator, participants.Select(a => a.Name)) })
                .ToListAsync(ct);
            // The same few hundred people take part in most events: each name is made once per batch.
            var names = new HashSet<string>();
            var byName = names.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var row in joined)
            {
                var participants = byId[row.EventId].Participants;
                foreach (var range in row.Names.AsSpan().Split(NameSeparator))
                {
                    var name = row.Names.AsSpan(range);
                    if (!byName.TryGetValue(name, out var known)) names.Add(known = name.ToString());
                    participants.Add(known);
                }
            }
        }
        return keys.ToDictionary(k => k, k => newestFirst
            .Where(e => EventMatcher.GroupOf(e.Type) == k.Group && EventMatcher.DatesCompatible(e.Date, k.Date))
            .Take(perReport).ToList());
    }

    /// <summary>Joins participants' names in one column: a control character, which a name found in text never holds.</summary>
    const string NameSeparator = "\u001f";

    static IQueryable<Event> InGroup(NewsTrackerDb db, EventType group) => group switch
    {
        EventType.Call => db.Events.AsNoTracking().Where(e => e.Type == EventType.Call),
        EventType.Exchange => db.Events.AsNoTracking().Where(e => e.Type == EventType.Exchange),
        _ => db.Events.AsNoTracking().Where(e => e.Type != EventType.Call && e.Type != EventType.Exchange),
    };

    public static EventDate? ToEventDate(DateOnly? happenedOn, DatePrecision precision) => happenedOn is not DateOnly d ? null
        : new EventDate(d.Year, d.Month, precision == DatePrecision.Day ? d.Day : null);
}
