using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

/// <summary>
/// Kinds of wording real reports use for events, each on sentences of our own (the made-up story of
/// <see cref="TestStory"/>, where Hans Weber has no alias; published Tuesday 19 August 2025).
/// </summary>
public class EventWordingTests
{
    static IReadOnlyList<ExtractedEvent> Events(string text) => TestStory.Extract(text).Events;

    static string[] People(ExtractedEvent e) => [.. e.Participants.Order()];

    [Fact]
    public void A_telephonic_conversation_is_a_call()
    {
        var e = Assert.Single(Events("Lopez and Hans Weber held a telephonic conversation on Monday."));
        Assert.Equal(EventType.Call, e.Type);
        Assert.Equal("2025-08-18", e.Date?.ToString());
        Assert.Equal(["Hans Weber", "Maria Lopez"], People(e));
    }

    [Fact]
    public void A_date_between_the_call_and_its_other_side_is_skipped()
    {
        var e = Assert.Single(Events("Lopez held what aides called a positive phone call Monday with Hans Weber."));
        Assert.Equal("2025-08-18", e.Date?.ToString());
        Assert.Equal(["Hans Weber", "Maria Lopez"], People(e));
    }

    [Theory]
    [InlineData("Hans Weber flew to Oslo for a meeting with President Lopez's special envoy to the region, Tom Smith.")]
    [InlineData("Hans Weber flew to Oslo for a meeting with Lopez envoy Tom Smith.")]
    public void A_name_that_only_describes_the_other_side_does_not_take_part(string text)
    {
        var e = Assert.Single(Events(text));
        Assert.Equal(["Hans Weber", "Tom Smith"], People(e));
        Assert.Equal("Oslo", e.Place);
    }

    [Theory]
    [InlineData("Lopez and Hans Weber attended the Germany talks on Monday.")]
    [InlineData("Lopez and Hans Weber joined the Spain-Germany talks on Monday.")]
    [InlineData("Lopez held talks with Hans Weber on Monday on a ceasefire in Germany.")]
    [InlineData("Lopez held talks with Hans Weber aimed at ending the war in Germany.")]
    public void A_country_the_event_is_about_is_not_its_place(string text)
    {
        Assert.Null(Assert.Single(Events(text)).Place);
    }

    [Theory]
    [InlineData("Talks in Istanbul ended on Friday.", "Istanbul")]
    [InlineData("A meeting took place in Oslo on Monday.", "Oslo")]
    [InlineData("The deal followed discussions at the Royal Palace.", "Royal Palace")]
    public void An_event_no_one_takes_part_in_is_only_a_reference(string text, string place)
    {
        var e = Assert.Single(Events(text));
        Assert.True(e.ReferenceOnly);
        Assert.Equal(place, e.Place);
    }

    [Fact]
    public void An_event_with_neither_people_nor_place_is_not_kept()
    {
        Assert.Empty(Events("Talks ended on Friday."));
    }

    [Fact]
    public void Talks_without_sides_in_their_sentence_are_held_by_the_named_negotiators()
    {
        var e = Assert.Single(Events("""
            Talks opened in Geneva on Monday.

            Spain's chief negotiator Maria Lopez called the first day useful, while the delegation led by Hans Weber asked for a pause.
            """));
        Assert.Equal(EventType.Talks, e.Type);
        Assert.Equal(["Hans Weber", "Maria Lopez"], People(e));
    }

    [Fact]
    public void A_delegation_in_a_list_is_its_head()
    {
        var e = Assert.Single(Events("Hans Weber met with the visiting delegation, led by Maria Lopez, in Oslo on Monday."));
        Assert.Equal(["Hans Weber", "Maria Lopez"], People(e));
    }

    [Fact]
    public void Whoever_holds_talks_with_others_takes_part_too()
    {
        var e = Assert.Single(Events("Hans Weber wrapped up a round of talks with envoys Tom Smith and Maria Lopez in Oslo on Sunday."));
        Assert.Equal(["Hans Weber", "Maria Lopez", "Tom Smith"], People(e));
        Assert.Equal("2025-08-17", e.Date?.ToString());
    }

    [Fact]
    public void An_earlier_event_it_follows_on_the_heels_of_stays_apart()
    {
        var events = Events("Smith will visit Oslo this week. The visit comes on the heels of Smith's August 11 meeting with Lopez in Madrid.");
        Assert.Contains(events, e => e.Date?.ToString() == "2025-08-11" && !e.Planned && People(e).SequenceEqual(["Maria Lopez", "Tom Smith"]));
    }

    [Theory]
    [InlineData("Lopez and Smith will be in Paris from August 21 to 23 for talks with Hans Weber.")]
    [InlineData("Spain on Monday called for direct talks between Lopez and Hans Weber by the end of September.")]
    public void Plans_far_from_the_trigger_or_called_for_are_planned(string text)
    {
        Assert.True(Assert.Single(Events(text)).Planned);
    }

    [Fact]
    public void The_second_call_in_two_days_was_held()
    {
        var e = Assert.Single(Events("It was the second call between Lopez and Hans Weber in two days."));
        Assert.False(e.Planned);
    }

    [Theory]
    [InlineData("Lopez meets Hans Weber in Oslo.")]
    [InlineData("Lopez is meeting Hans Weber in Oslo.")]
    [InlineData("Lopez has met Hans Weber in Oslo.")]
    public void An_event_told_in_the_present_happens_on_the_day_of_publication(string text)
    {
        Assert.Equal("2025-08-19", Assert.Single(Events(text)).Date?.ToString());
    }

    [Fact]
    public void One_person_s_event_inside_another_s_cast_is_one_event()
    {
        var e = Assert.Single(Events("""
            Lopez meets allies in Oslo.

            Lopez, Hans Weber and Smith met for two hours.
            """));
        Assert.Equal(["Hans Weber", "Maria Lopez", "Tom Smith"], People(e));
        Assert.Equal("Oslo", e.Place);
    }

    [Fact]
    public void A_trip_for_an_event_gives_its_place()
    {
        Assert.Equal("Oslo", Assert.Single(Events("Lopez traveled to Oslo for a meeting with Hans Weber.")).Place);
    }
}
