using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Tests.Extraction;

/// <summary>The shipped story file: it loads, and its data cannot make two actors or topics claim one spelling.</summary>
public class StoryFileTests
{
    static StoryDefinition LoadShipped()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsTracker.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return StoryDefinition.Load(Path.Combine(dir.FullName, "stories", "ukraine-peace-talks.json"));
    }

    [Fact]
    public void Ships_actors_topics_and_weak_terms()
    {
        var story = LoadShipped();
        Assert.Contains(story.Actors, a => a.Kind == ActorKind.Organization);
        Assert.All(story.Topics, t => Assert.NotEmpty(t.Terms));
        Assert.Contains(story.Topics, t => t.WeakTerms is { Count: > 0 });
    }

    [Fact]
    public void No_spelling_belongs_to_two_actors()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actor in LoadShipped().Actors)
            foreach (var form in actor.Aliases.Append(actor.Name))
                Assert.True(owners.TryAdd(form, actor.Name) || owners[form] == actor.Name, $"'{form}' names both {owners.GetValueOrDefault(form)} and {actor.Name}");
    }

    [Fact]
    public void No_term_belongs_to_two_topics()
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var topic in LoadShipped().Topics)
            foreach (var term in topic.Terms.Concat(topic.WeakTerms ?? []))
                Assert.True(owners.TryAdd(term, topic.Slug) || owners[term] == topic.Slug, $"'{term}' signals both {owners.GetValueOrDefault(term)} and {topic.Slug}");
    }

    [Fact]
    public void One_extractor_serves_many_threads_with_the_same_results()
    {
        var extractor = new StoryExtractor(LoadShipped());
        const string text = "“We will help,” Trump said after meeting Putin in Alaska last Friday. Zelenskyy confirmed that a truce was near.";
        var expected = extractor.Extract(text, TestStory.Tuesday);
        Parallel.For(0, 200, _ =>
        {
            var r = extractor.Extract(text, TestStory.Tuesday);
            Assert.Equal(expected.Actors.Select(a => a.Name), r.Actors.Select(a => a.Name));
            Assert.Equal(expected.Claims.Select(c => (c.Speaker, c.Text)), r.Claims.Select(c => (c.Speaker, c.Text)));
            Assert.Equal(expected.Events.Select(e => e.Date), r.Events.Select(e => e.Date));
        });
        Assert.Equal("2025-08-15", Assert.Single(expected.Events).Date?.ToString());
    }

    [Theory]
    [InlineData("Drones struck deep inside Russian territory overnight.")]
    [InlineData("Moscow again raised the threat of nuclear weapons.")]
    [InlineData("The report was released on Monday.")]
    [InlineData("Trump announced new tariffs on Canadian steel.")]
    public void Common_words_alone_tag_no_topic(string text)
    {
        Assert.Empty(new StoryExtractor(LoadShipped()).Extract(text, TestStory.Tuesday).Topics);
    }

    [Theory]
    [InlineData("Kyiv refuses to cede territory in the Donetsk region.", "territory")]
    [InlineData("Ukraine offered to buy $90 billion worth of U.S. weapons.", "military-aid")]
    [InlineData("American Marc Fogel was released in a prisoner swap.", "prisoner-exchange")]
    public void Story_terms_tag_their_topic(string text, string slug)
    {
        Assert.Contains(new StoryExtractor(LoadShipped()).Extract(text, TestStory.Tuesday).Topics, t => t.Slug == slug);
    }
}
