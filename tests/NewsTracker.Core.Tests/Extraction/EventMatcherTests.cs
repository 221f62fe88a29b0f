using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

public class EventMatcherTests
{
    static ExtractedEvent Event(EventType type, string? date, bool planned = false, string? place = null, params string[] who)
    {
        EventDate? d = date is null ? null : date.Length == 7
            ? new EventDate(int.Parse(date[..4]), int.Parse(date[5..7]), null)
            : new EventDate(int.Parse(date[..4]), int.Parse(date[5..7]), int.Parse(date[8..]));
        return new ExtractedEvent(type, d, planned, place, who, default);
    }

    [Fact]
    public void A_day_matches_its_month_and_two_days_must_agree()
    {
        Assert.True(EventMatcher.SameEvent(Event(EventType.Summit, "2025-08-15", who: ["A", "B"]), Event(EventType.Meeting, "2025-08", who: ["A", "B"])));
        Assert.False(EventMatcher.SameEvent(Event(EventType.Summit, "2025-08-15", who: ["A", "B"]), Event(EventType.Summit, "2025-08-18", who: ["A", "B"])));
        Assert.False(EventMatcher.SameEvent(Event(EventType.Call, "2025-02", who: ["A", "B"]), Event(EventType.Call, "2025-08", who: ["A", "B"])));
    }

    [Fact]
    public void Calls_and_exchanges_only_match_their_own_kind()
    {
        Assert.False(EventMatcher.SameEvent(Event(EventType.Call, "2025-08-18", who: ["A", "B"]), Event(EventType.Meeting, "2025-08-18", who: ["A", "B"])));
        Assert.True(EventMatcher.SameEvent(Event(EventType.Talks, "2025-08-18", who: ["A", "B"]), Event(EventType.Summit, "2025-08-18", who: ["A"])));
    }

    [Fact]
    public void A_plan_becomes_the_held_event_when_day_or_place_ties_them()
    {
        var plan = Event(EventType.Meeting, "2025-08-18", planned: true, place: "White House", who: ["A", "B"]);
        var held = Event(EventType.Summit, "2025-08", place: "the White House", who: ["A", "B", "C"]);
        Assert.True(EventMatcher.SameEvent(plan, held));
        var merged = EventMatcher.Merge(plan, held);
        Assert.False(merged.Planned);
        Assert.Equal(EventType.Summit, merged.Type);
        Assert.Equal("2025-08-18", merged.Date?.ToString());
        Assert.Equal(["A", "B", "C"], merged.Participants);
        Assert.False(EventMatcher.SameEvent(Event(EventType.Meeting, null, planned: true, who: ["A", "B"]), Event(EventType.Meeting, "2025-08", who: ["A", "B"])));
    }

    [Fact]
    public void Plans_with_different_casts_are_different_plans()
    {
        Assert.False(EventMatcher.SameEvent(Event(EventType.Meeting, null, true, who: ["A", "B"]), Event(EventType.Summit, null, true, who: ["A", "B", "C"])));
        Assert.True(EventMatcher.SameEvent(Event(EventType.Meeting, null, true, who: ["A", "B", "C"]), Event(EventType.Summit, "2025-08", true, who: ["C", "B", "A"])));
    }

    [Fact]
    public void Score_is_zero_only_for_incompatible_reports()
    {
        Assert.Equal(0, EventMatcher.Score(Event(EventType.Call, null, who: ["A"]), Event(EventType.Exchange, null, who: ["A"])));
        Assert.InRange(EventMatcher.Score(Event(EventType.Meeting, null, who: ["A"]), Event(EventType.Meeting, null, who: ["B"])), 0.0001, EventMatcher.Threshold - 0.5);
    }

    [Fact]
    public void Discovered_people_match_across_spellings()
    {
        var a = Event(EventType.Meeting, "2025-08-15", who: ["Steve Witkoff", "Kirill Dmitriev"]);
        var b = Event(EventType.Meeting, "2025-08", who: ["Steven Witkoff", "Kirill Dmitriev"]);
        Assert.True(EventMatcher.SameEvent(a, b));
        Assert.Equal(2, EventMatcher.Merge(a, b).Participants.Count);
        Assert.False(EventMatcher.SameEvent(a, Event(EventType.Meeting, "2025-08", who: ["Ann Witkoff", "Joe Dmitriev"])));
    }

    [Fact]
    public void BestMatch_picks_the_strongest_known_event_or_none()
    {
        var known = new[]
        {
            Event(EventType.Summit, "2025-08-15", place: "Alaska", who: ["A", "B"]),
            Event(EventType.Summit, "2025-08-18", place: "White House", who: ["A", "C"]),
        };
        Assert.Equal(1, EventMatcher.BestMatch(Event(EventType.Meeting, "2025-08", place: "White House", who: ["C"]), known));
        Assert.Equal(0, EventMatcher.BestMatch(Event(EventType.Talks, null, place: "Alaska", who: ["B"]), known));
        Assert.Equal(-1, EventMatcher.BestMatch(Event(EventType.Call, "2025-08-18", who: ["A", "C"]), known));
    }

    [Theory]
    [InlineData("Steve Witkoff", "Steven Witkoff", true)]
    [InlineData("Steve Witkoff", "STEVE WITKOFF", true)]
    [InlineData("J. Smith", "John Smith", true)]
    [InlineData("Ivan Ivanovič", "Ivan IVANOVIČ", true)] // a surname ending in a letter outside ASCII, in two cases
    [InlineData("Ann Witkoff", "Steve Witkoff", false)]
    [InlineData("Vladimir Putin", "Volodymyr Zelensky", false)]
    [InlineData("Keir Starmer", "Keir Stammer", false)]
    [InlineData("Putin", "Vladimir Putin", false)]
    [InlineData("", "Vladimir Putin", false)]
    public void Two_spellings_are_one_person_when_the_surnames_agree_and_one_first_name_starts_the_other(string a, string b, bool same)
    {
        Assert.Equal(same, EventMatcher.SamePerson(a, b));
        Assert.Equal(same, EventMatcher.SamePerson(b, a));
    }
}
