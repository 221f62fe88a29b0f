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

    [Fact]
    public void The_best_match_is_the_first_highest_score_at_or_above_the_threshold_among_random_reports()
    {
        // BestMatch skips comparing participants when place and day cannot lift a candidate above the best so far;
        // it must still pick what scoring every candidate would. Small pools make ties, near-misses and variants common.
        var r = new Random(5);
        EventType[] types = [EventType.Summit, EventType.Meeting, EventType.Talks, EventType.Call, EventType.Exchange];
        string?[] dates = [null, "2025-08", "2025-08-15", "2025-08-16", "2025-09"];
        string?[] places = [null, null, "Alaska", "the White House", "White House", "Geneva"];
        string[] people = ["Vladimir Putin", "Volodymyr Zelensky", "Steve Witkoff", "Steven Witkoff", "Donald Trump", "Keir Starmer", "Marco Rubio"];
        ExtractedEvent Random() => Event(types[r.Next(types.Length)], dates[r.Next(dates.Length)], r.Next(3) == 0, places[r.Next(places.Length)],
            [.. people.OrderBy(_ => r.Next()).Take(r.Next(0, 5))]);

        int matched = 0;
        for (int n = 0; n < 3000; n++)
        {
            var report = Random();
            var known = Enumerable.Range(0, r.Next(0, 25)).Select(_ => Random()).ToList();
            int expected = -1;
            double bestScore = EventMatcher.Threshold;
            for (int i = 0; i < known.Count; i++)
            {
                double score = EventMatcher.Score(known[i], report);
                if (score >= bestScore && (expected < 0 || score > bestScore)) (expected, bestScore) = (i, score);
            }
            Assert.Equal(expected, EventMatcher.BestMatch(report, known));
            if (expected >= 0) matched++;
        }
        Assert.InRange(matched, 300, 2700); // both outcomes are common
    }
}
