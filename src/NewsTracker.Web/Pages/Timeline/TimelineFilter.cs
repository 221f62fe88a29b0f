using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Story;

namespace NewsTracker.Web.Pages.Timeline;

/// <summary>
/// The timeline's filters as they appear in the URL (actor, topic, outlet, from, to, q), shared by the page,
/// its Atom feed and the JSON API so that one URL means the same events everywhere. Filters combine: an event
/// must match all of them. Unknown actors or topics make the whole request "not found"; a malformed date is
/// ignored with a note.
/// </summary>
public sealed class TimelineFilter
{
    public List<string> ActorSlugs { get; init; } = [];
    public List<string> TopicSlugs { get; init; } = [];
    public string? Outlet { get; init; }
    public string? FromText { get; init; }
    public string? ToText { get; init; }
    public string? Words { get; init; }

    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public List<Actor> Actors { get; private set; } = [];
    public List<string> Notes { get; } = [];
    public string? NotFound { get; private set; }

    public bool IsEmpty => ActorSlugs.Count + TopicSlugs.Count == 0 && Outlet is null && From is null && To is null && string.IsNullOrWhiteSpace(Words);

    public static TimelineFilter FromQuery(IQueryCollection query) => new()
    {
        ActorSlugs = [.. query["actor"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())],
        TopicSlugs = [.. query["topic"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())],
        Outlet = Blank(query["outlet"]),
        FromText = Blank(query["from"]),
        ToText = Blank(query["to"]),
        Words = Blank(query["q"]),
    };

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Checks the filter against the store; afterwards <see cref="NotFound"/> says what does not exist, if anything.</summary>
    public async Task ResolveAsync(NewsTrackerDb db, StoryCatalog story, CancellationToken ct)
    {
        Actors = await db.Actors.AsNoTracking().Where(a => ActorSlugs.Contains(a.Slug)).ToListAsync(ct);
        if (ActorSlugs.FirstOrDefault(s => Actors.All(a => a.Slug != s)) is { } unknownActor)
            NotFound = $"No actor “{unknownActor}” is known to this story.";
        else if (TopicSlugs.FirstOrDefault(s => story.Definition.Topics.All(t => t.Slug != s)) is { } unknownTopic)
            NotFound = $"No topic “{unknownTopic}” is part of this story.";

        From = ParseDate(FromText, "from", end: false);
        To = ParseDate(ToText, "to", end: true);
        if (From > To)
        {
            Notes.Add($"The start date {From:yyyy-MM-dd} is after the end date {To:yyyy-MM-dd}, so no event can match.");
        }
    }

    /// <summary>A day (2025-08-18) or a month (2025-08: its first or last day, by which end of the range it is).</summary>
    DateOnly? ParseDate(string? text, string name, bool end)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return end ? month.AddMonths(1).AddDays(-1) : month;
        Notes.Add($"“{text}” is not a date (use 2025-08-18 or 2025-08); the “{name}” filter is ignored.");
        return null;
    }

    public IQueryable<Event> Apply(IQueryable<Event> events)
    {
        foreach (var actor in Actors)
            events = events.Where(e => e.Participants.Any(p => p.ActorId == actor.Id));
        foreach (var slug in TopicSlugs)
            events = events.Where(e => e.Topics.Any(t => t.TopicSlug == slug));
        if (Outlet is string outlet)
            events = events.Where(e => e.Reports.Any(r => r.Article!.Outlets.Any(o => o.Source == outlet)));
        if (From is DateOnly from)
            events = events.Where(e => e.HappenedOn >= from);
        if (To is DateOnly to)
            events = events.Where(e => e.HappenedOn <= to);
        foreach (var word in NewsTracker.Web.Search.SearchIndex.Words(Words))
        {
            string pattern = "%" + word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            events = events.Where(e => e.Reports.Any(r =>
                EF.Functions.Like(r.Article!.Text.Substring(r.SentenceStart, r.SentenceEnd - r.SentenceStart), pattern, "\\")));
        }
        return events;
    }

    /// <summary>The same filter as URL values, with one value of one key left out (for "remove this filter" links) and a page.</summary>
    public Dictionary<string, object?> RouteValues(string? withoutKey = null, string? withoutValue = null, int? page = null) => new()
    {
        ["actor"] = ActorSlugs.Where(s => !(withoutKey == "actor" && s == withoutValue)).ToArray(),
        ["topic"] = TopicSlugs.Where(s => !(withoutKey == "topic" && s == withoutValue)).ToArray(),
        ["outlet"] = withoutKey == "outlet" ? null : Outlet,
        ["from"] = withoutKey == "from" ? null : FromText,
        ["to"] = withoutKey == "to" ? null : ToText,
        ["q"] = withoutKey == "q" ? null : Words,
        ["p"] = page,
    };
}
