using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

public class TopicTests
{
    static List<string> Topics(string text) => TestStory.Extract(text).Topics.Select(t => t.Slug).Distinct().ToList();

    [Fact]
    public void Terms_match_whole_words_in_any_case_and_spelling_variant()
    {
        Assert.Equal(["ceasefire"], Topics("A CEASEFIRE, a cease-fire or a Truce."));
        Assert.Empty(Topics("The truces-like ceasefires were not discussed."));
    }

    [Fact]
    public void Weak_terms_need_another_term_of_their_topic_in_the_sentence()
    {
        Assert.Empty(Topics("The report was released on Monday."));
        Assert.Equal(["territory"], Topics("A land swap was discussed."));
        Assert.Equal(["prisoner-exchange"], Topics("Two men were released in a prisoner swap."));
    }

    [Fact]
    public void Mentions_carry_the_term_span_and_its_sentence()
    {
        const string text = "No news. Talk of a truce grew.";
        var m = Assert.Single(TestStory.Extract(text).Topics);
        Assert.Equal("truce", m.Span.Of(text));
        Assert.Equal("Talk of a truce grew.", m.Sentence.Of(text));
    }
}
