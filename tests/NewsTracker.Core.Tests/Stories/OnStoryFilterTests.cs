using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Tests.Stories;

/// <summary>Relevance to a made-up story: talks to end the war in Ruritania, not the war alone, its leaders' other business or another conflict.</summary>
public class OnStoryFilterTests
{
    static readonly StoryDefinition Story = new("ruritania", "Ruritania talks",
        [new StoryActor("Anna Berg", ActorKind.Person, "President of Ruritania", ["Berg"])], [],
        ["Ruritania", "Berg", "ceasefire"],
        new StoryRelevance(["Ruritania", "Ruritanian", "Berg"], ["talks", "ceasefire", "envoy", "peace plan"], ["Freedonia"]));

    static readonly OnStoryFilter Filter = new(Story);

    const string War = "Drones struck a power plant in eastern Ruritania overnight. Ruritanian air defences downed most of them. "
        + "Repair crews restored power by the morning, the energy ministry said. ";

    [Fact]
    public void The_war_alone_is_not_the_story()
    {
        Assert.False(Filter.Matches("Overnight strikes hit Ruritania", War + War));
    }

    [Fact]
    public void The_story_s_people_in_other_business_are_not_the_story()
    {
        Assert.False(Filter.Matches("Berg opens a new airport", "President Berg opened the airport on Monday. Berg said trade would grow. The airport cost two billion."));
    }

    [Fact]
    public void Another_conflict_s_ceasefire_and_talks_are_not_the_story()
    {
        Assert.False(Filter.Matches("Ceasefire holds in the valley", "A ceasefire between the two clans held for a week. Talks resume on Friday. The envoy was hopeful."));
        Assert.False(Filter.Matches("Envoy in Freedonia", "The envoy held talks in Freedonia on Monday. "
            + "He also leads the Ruritania talks, he said in Freedonia. Freedonia's ceasefire talks with the Ruritanian-born envoy went on."));
    }

    [Fact]
    public void A_war_report_with_a_paragraph_on_the_talks_is_the_story()
    {
        Assert.True(Filter.Matches("Overnight strikes hit Ruritania", War + "\n\nBerg said the talks would go on. Ruritania's envoy will present the peace plan next week."));
    }

    [Fact]
    public void One_sentence_on_the_talks_is_enough_in_the_title_or_the_lead_only()
    {
        Assert.True(Filter.Matches("Ruritania and its neighbour agree a ceasefire", War));
        Assert.True(Filter.Matches("Overnight strikes", "Berg called for talks on Monday. " + War));
        Assert.False(Filter.Matches("Overnight strikes", War + "Berg called for talks on Monday. " + War));
    }

    [Fact]
    public void A_story_without_relevance_terms_keeps_any_article_naming_one_of_its_terms()
    {
        var filter = new OnStoryFilter(Story with { Relevance = null });
        Assert.True(filter.Matches("Overnight strikes hit Ruritania", War));
        Assert.False(filter.Matches("Airport opens", "The airport cost two billion."));
    }

    [Fact]
    public void A_story_with_no_terms_at_all_keeps_nothing_rather_than_failing()
    {
        var filter = new OnStoryFilter(Story with { Relevance = null, OnStoryTerms = [] });
        Assert.False(filter.Matches("Overnight strikes hit Ruritania", War));
    }
}
