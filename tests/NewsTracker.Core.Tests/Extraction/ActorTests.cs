using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Tests.Extraction;

public class ActorTests
{
    static List<string> Names(string text) => TestStory.Extract(text).Actors.Select(a => a.Name).ToList();

    [Fact]
    public void Story_actors_match_by_any_alias_and_report_the_canonical_name()
    {
        var r = TestStory.Extract("President Lopez arrived. Thomas Smith and Lopez’s aides followed.");
        Assert.Equal(["Maria Lopez", "Tom Smith"], r.Actors.Select(a => a.Name));
        Assert.Equal(3, r.Mentions.Count);
        Assert.False(r.Actors[0].Discovered);
        Assert.Equal("President of Spain", r.Actors[0].Role);
    }

    [Fact]
    public void Aliases_are_case_sensitive()
    {
        Assert.Empty(Names("He played a smith in the film."));
    }

    [Fact]
    public void A_surname_that_is_no_alias_counts_only_after_the_full_name()
    {
        Assert.Empty(Names("Weber spoke first."));
        var r = TestStory.Extract("Hans Weber arrived. Later Weber spoke.");
        Assert.Equal(["Hans Weber"], r.Actors.Select(a => a.Name));
        Assert.Equal(2, r.Mentions.Count);
    }

    [Fact]
    public void Organisations_have_their_kind()
    {
        var r = TestStory.Extract("The North Atlantic Treaty Organization met.");
        Assert.Equal(ActorKind.Organization, Assert.Single(r.Actors).Kind);
    }

    [Theory]
    [InlineData("French President Emmanuel Macron arrived.", "Emmanuel Macron", "French President")]
    [InlineData("NATO Secretary General Mark Rutte arrived.", "Mark Rutte", "NATO Secretary General")]
    [InlineData("The talks were led by U.S. envoy Steve Witkoff.", "Steve Witkoff", "U.S. envoy")]
    [InlineData("Kirill Dmitriev, a Kremlin official, praised the day.", "Kirill Dmitriev", "Kremlin official")]
    [InlineData("A Kremlin official, Kirill Dmitriev, praised the day.", "Kirill Dmitriev", "Kremlin official")]
    [InlineData("American Marc Fogel was released.", "Marc Fogel", "American")]
    [InlineData("Senator Marco Rubio and CIA Director John Ratcliffe will lead.", "John Ratcliffe", "CIA Director")]
    [InlineData("Ursula von der Leyen said it was good.", "Ursula von der Leyen", null)]
    [InlineData("French Foreign Minister Jean-Noel Barrot arrived.", "Jean-Noel Barrot", "French Foreign Minister")]
    [InlineData("Military analyst Anna Berg doubts it.", "Anna Berg", "Military analyst")]
    [InlineData("U.S. Ambassador to NATO Matthew Whitaker arrived.", "Matthew Whitaker", null)]
    [InlineData("Oleksandr Merezhko, chair of the foreign affairs committee, disagreed.", "Oleksandr Merezhko", "chair")]
    [InlineData("Anna Berg, Sweden's ambassador, disagreed.", "Anna Berg", "Sweden's ambassador")]
    public void People_outside_the_story_are_discovered_with_their_role(string text, string name, string? role)
    {
        var actor = TestStory.Extract(text).Actors.Single(a => a.Name == name);
        Assert.True(actor.Discovered);
        Assert.Equal(ActorKind.Person, actor.Kind);
        if (role is not null) Assert.Equal(role, actor.Role);
    }

    [Theory]
    [InlineData("Author: Tracey Grover")]
    [InlineData("by James Carter Senior News Editor")]
    [InlineData("By Jane Doe\n\nThe talks began.")]
    [InlineData("The Wall Street Journal reported the talks.")]
    [InlineData("Newsmax reported that the talks began.")]
    [InlineData("The talks were held at the White House in Washington.")]
    [InlineData("European Leaders Show Support for Peace Plan")]
    [InlineData("Russian Foreign Ministry officials left.")]
    [InlineData("Macron, Merz and Starmer flew to Washington.")]
    [InlineData("The Russian Orthodox Church backed the war, Russian Airlines Flight data showed.")]
    public void Bylines_outlets_places_and_headings_are_no_people(string text)
    {
        Assert.DoesNotContain(TestStory.Extract(text).Actors, a => a.Discovered);
    }

    [Fact]
    public void Discovered_people_merge_across_forms()
    {
        var r = TestStory.Extract("U.S. envoy Steven Witkoff arrived. Witkoff met aides. Envoy Steve Witkoff left.");
        var witkoff = Assert.Single(r.Actors);
        Assert.Equal("Steven Witkoff", witkoff.Name);
        Assert.Contains("Steve Witkoff", witkoff.Aliases);
        Assert.Equal(3, r.Mentions.Count);
    }

    [Fact]
    public void Mentions_carry_the_name_span_and_its_sentence()
    {
        const string text = "Talks began. Then Lopez spoke.";
        var m = Assert.Single(TestStory.Extract(text).Mentions);
        Assert.Equal("Lopez", m.Span.Of(text));
        Assert.Equal("Then Lopez spoke.", m.Sentence.Of(text));
    }

    [Fact]
    public void Courtesy_titles_without_a_dot_lead_to_the_story_actor()
    {
        var r = TestStory.Extract("Maria Lopez spoke. Mr Lopez, Mrs Lopez and Sir Tom Smith listened.");
        Assert.Equal(["Maria Lopez", "Tom Smith"], r.Actors.Select(a => a.Name));
        Assert.DoesNotContain(r.Actors, a => a.Discovered);
    }
}
