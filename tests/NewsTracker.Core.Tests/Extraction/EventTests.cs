using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

/// <summary>Publication dates: Tuesday 19 August 2025 unless a test says otherwise.</summary>
public class EventTests
{
    static IReadOnlyList<ExtractedEvent> Events(string text, DateTimeOffset? published = null) => TestStory.Extract(text, published).Events;

    static readonly DateTimeOffset Sunday = new(2025, 8, 17, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Held_meeting_with_place_participants_and_a_relative_day()
    {
        var e = Assert.Single(Events("Hans Weber arrived. Lopez met Weber in Madrid last Friday."));
        Assert.Equal(EventType.Meeting, e.Type);
        Assert.Equal("2025-08-15", e.Date?.ToString());
        Assert.False(e.Planned);
        Assert.Equal("Madrid", e.Place);
        Assert.Equal(["Hans Weber", "Maria Lopez"], e.Participants.Order());
    }

    [Fact]
    public void Planned_meeting_takes_the_next_such_day()
    {
        var e = Assert.Single(Events("Lopez has scheduled a meeting with Smith at the Royal Palace, set for Monday.", Sunday));
        Assert.True(e.Planned);
        Assert.Equal("2025-08-18", e.Date?.ToString());
        Assert.Equal("Royal Palace", e.Place);
        Assert.Equal(["Maria Lopez", "Tom Smith"], e.Participants.Order());
    }

    [Theory]
    [InlineData("Lopez and Smith held talks in Geneva in June.", "2025-06")]
    [InlineData("Smith recalled his contentious February meeting with Lopez in Rome.", "2025-02")]
    [InlineData("Lopez met Smith in Rome on August 5.", "2025-08-05")]
    [InlineData("Lopez met Smith in Rome on 5 March 2024.", "2024-03-05")]
    [InlineData("Monday’s summit in Rome brought Lopez and Smith together.", "2025-08-18")]
    [InlineData("Lopez met Smith in Rome yesterday.", "2025-08-18")]
    [InlineData("Lopez met Smith in Rome three days ago.", "2025-08-16")]
    public void Dates_resolve_against_publication(string text, string date)
    {
        Assert.Equal(date, Assert.Single(Events(text)).Date?.ToString());
    }

    [Fact]
    public void A_week_gives_its_month_when_it_lies_in_one()
    {
        Assert.Equal("2025-08", Assert.Single(Events("Lopez met Smith in Rome the previous week.")).Date?.ToString());
        // The week before Tuesday 2 September 2025 runs 25-31 August.
        Assert.Equal("2025-08", Assert.Single(Events("Lopez met Smith in Rome last week.", new DateTimeOffset(2025, 9, 2, 0, 0, 0, TimeSpan.Zero))).Date?.ToString());
    }

    [Fact]
    public void Planned_month_lies_ahead_and_a_held_undated_event_is_dated_by_publication_month()
    {
        Assert.Equal("2026-02", Assert.Single(Events("Lopez will meet Smith in Rome in February.")).Date?.ToString());
        Assert.Equal("2025-08", Assert.Single(Events("Lopez met Smith in Rome.")).Date?.ToString());
        Assert.Null(Assert.Single(Events("Lopez and Smith are expected to meet in Rome within two weeks.")).Date);
    }

    [Theory]
    [InlineData("Lopez expressed readiness to meet with Smith.")]
    [InlineData("The potential for a meeting between Lopez and Smith is a gamble.")]
    [InlineData("Lopez announced plans to arrange a direct meeting with Smith.")]
    [InlineData("Lopez and Smith will hold talks next week.")]
    public void Plans_are_planned(string text)
    {
        Assert.True(Assert.Single(Events(text)).Planned);
    }

    [Fact]
    public void A_trilateral_summit_includes_everyone_named_in_its_sentence()
    {
        var e = Assert.Single(Events("Hans Weber arrived. Lopez announced a planned trilateral summit with Weber and Smith."), x => x.Type == EventType.Summit);
        Assert.True(e.Planned);
        Assert.Equal(3, e.Participants.Count);
    }

    [Fact]
    public void Two_plans_with_different_casts_stay_two_events()
    {
        var events = Events("Hans Weber arrived. Lopez will meet Weber, followed by a trilateral summit including Smith.");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.True(e.Planned));
        Assert.Contains(events, e => e.Participants.Count == 2);
        Assert.Contains(events, e => e.Participants.Count == 3);
    }

    [Fact]
    public void Calls_and_prisoner_exchanges()
    {
        var call = Assert.Single(Events("During a phone call with Smith, Lopez spoke of peace."));
        Assert.Equal(EventType.Call, call.Type);
        Assert.Equal(["Maria Lopez", "Tom Smith"], call.Participants.Order());

        var swap = Assert.Single(Events("The swap followed a prisoner exchange, with American Marc Fogel released in return for Russian Alexander Vinnik."));
        Assert.Equal(EventType.Exchange, swap.Type);
        Assert.Equal(["Alexander Vinnik", "Marc Fogel"], swap.Participants.Order());
        Assert.Empty(Events("The land exchange was discussed by Lopez and Smith."));
    }

    [Fact]
    public void Mentions_of_one_event_in_an_article_become_one_event()
    {
        var events = Events("Lopez met Smith in Rome on Monday. The meeting in Rome lasted two hours. During the Rome talks, Lopez and Smith agreed on a truce.");
        var e = Assert.Single(events);
        Assert.Equal("2025-08-18", e.Date?.ToString());
    }

    [Fact]
    public void A_sequencing_word_keeps_two_events_apart()
    {
        var events = Events("The summit in Paris followed Lopez’s meeting with Smith in Rome the previous week.");
        Assert.Contains(events, e => e.Place == "Rome" && e.Participants.Count == 2);
        Assert.DoesNotContain(events, e => e.Place == "Rome" && e.Type == EventType.Summit);
    }

    [Fact]
    public void An_event_during_another_takes_its_date()
    {
        var events = Events("Lopez hosted Smith in Rome on Monday. Lopez held a phone call with Pierre Dupont, the French president, during the Rome meetings.");
        var call = Assert.Single(events, e => e.Type == EventType.Call);
        Assert.Equal("2025-08-18", call.Date?.ToString());
    }

    [Fact]
    public void A_listed_cast_after_a_colon_joins_the_event()
    {
        var e = Assert.Single(Events("Lopez hosted a gathering on Monday. The meeting included:\n\n• Tom Smith\n• Chancellor Hans Weber\n\nIt ended late."));
        Assert.Equal(3, e.Participants.Count);
    }

    [Theory]
    [InlineData("Peace talks are looming.")]
    [InlineData("Lopez wants negotiations.")]
    [InlineData("The talks were long.")]
    public void Events_that_say_too_little_are_dropped(string text)
    {
        Assert.Empty(Events(text));
    }

    [Theory]
    [InlineData("Lopez will host Smith at Mar-a-Lago on Sunday.", "2025-08-24")]
    [InlineData("Lopez May Meet Smith in Rome", null)]
    [InlineData("Lopez will meet Smith in Rome in May.", "2026-05")]
    [InlineData("Lopez will meet Smith in Rome on Sept. 3.", "2025-09-03")]
    [InlineData("Lopez met Smith in Rome on Sept. 3.", "2024-09-03")]
    public void Month_abbreviations_and_May_need_date_context(string text, string? date)
    {
        var e = Assert.Single(Events(text));
        if (date is null) Assert.True(e.Date is null || e.Date.Year == 2025 && e.Date.Month == 8);
        else Assert.Equal(date, e.Date?.ToString());
    }

    [Fact]
    public void Verb_subjects_joined_by_and_all_take_part()
    {
        var e = Assert.Single(Events("Lopez and Smith to meet in Rome"));
        Assert.Equal(["Maria Lopez", "Tom Smith"], e.Participants.Order());
        Assert.True(e.Planned);
    }

    [Fact]
    public void A_visit_has_its_visitor_and_destination()
    {
        var e = Assert.Single(Events("Lopez said she expected envoy Smith to visit Moscow next week."));
        Assert.Equal(EventType.Visit, e.Type);
        Assert.Equal("Moscow", e.Place);
        Assert.Contains("Tom Smith", e.Participants);
        Assert.True(e.Planned);
    }

    [Fact]
    public void A_dated_exchange_between_countries_is_kept_without_its_reporter()
    {
        var e = Assert.Single(Events("Spain and France exchanged 390 prisoners on Friday, Lopez said."));
        Assert.Equal(EventType.Exchange, e.Type);
        Assert.Equal("2025-08-15", e.Date?.ToString());
        Assert.Empty(e.Participants);
        Assert.Null(e.Place);
    }

    [Fact]
    public void Due_to_host_is_a_plan_with_its_host()
    {
        var e = Assert.Single(Events("Lopez is due to host a meeting of allies in London on Thursday."));
        Assert.True(e.Planned);
        Assert.Equal("2025-08-21", e.Date?.ToString());
        Assert.Equal(["Maria Lopez"], e.Participants);
    }

    [Fact]
    public void Subjects_joined_by_and_all_take_part_and_an_organisation_can_be_the_venue()
    {
        var e = Assert.Single(Events("Smith and Maria Lopez held five hours of talks with Hans Weber at the North Atlantic Treaty Organization on Tuesday."));
        Assert.Equal(["Hans Weber", "Maria Lopez", "Tom Smith"], e.Participants.Order());
        Assert.Equal("North Atlantic Treaty Organization", e.Place);
        Assert.Equal("2025-08-19", e.Date?.ToString());
    }

    [Fact]
    public void A_report_naming_only_a_place_does_not_join_an_event_elsewhere()
    {
        // The talks in Geneva name no one, so they are only a reference to talks known from elsewhere
        // (EventWordingTests); they must not lend their place to the meeting.
        var events = Events("Lopez met Smith on Tuesday. The plan was cut after talks in Geneva between officials.");
        Assert.Equal(2, events.Count);
        Assert.Null(Assert.Single(events, e => !e.ReferenceOnly).Place);
        Assert.Equal("Geneva", Assert.Single(events, e => e.ReferenceOnly).Place);
    }

    [Fact]
    public void The_day_something_was_said_is_not_the_day_of_the_event()
    {
        var e = Assert.Single(Events("Lopez said on Monday that talks with Smith in Geneva on Sunday went well."));
        Assert.Equal("2025-08-17", e.Date?.ToString());
    }

    [Fact]
    public void The_subject_after_a_fronted_phrase_takes_part()
    {
        var events = Events("After a phone call with Smith, Lopez announces plans for a summit in Budapest.");
        var summit = Assert.Single(events, e => e.Type == EventType.Summit);
        Assert.Equal(["Maria Lopez"], summit.Participants);
        Assert.True(summit.Planned);
        Assert.Equal(["Maria Lopez", "Tom Smith"], Assert.Single(events, e => e.Type == EventType.Call).Participants.Order());
    }

    [Fact]
    public void Leaders_who_speak_by_phone_hold_a_call()
    {
        var e = Assert.Single(Events("February 12: Lopez and Smith speak by phone for 90 minutes."));
        Assert.Equal(EventType.Call, e.Type);
        Assert.Equal("2025-02-12", e.Date?.ToString());
        Assert.Equal(2, e.Participants.Count);
    }
}
