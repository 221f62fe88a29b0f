using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

public class SentenceSplitterTests
{
    static string[] Split(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToArray();

    [Fact]
    public void Titles_and_initials_do_not_end_sentences()
    {
        Assert.Equal(["Mr. Smith met Dr. J. Brown in St. Louis.", "Then he left."], Split("Mr. Smith met Dr. J. Brown in St. Louis. Then he left."));
        Assert.Equal(["J.D. Vance spoke on Aug. 5 about it.", "He left."], Split("J.D. Vance spoke on Aug. 5 about it. He left."));
    }

    [Fact]
    public void Dotted_abbreviation_ends_a_sentence_only_before_a_sentence_opener()
    {
        Assert.Equal(["U.S. officials met E.U. envoys."], Split("U.S. officials met E.U. envoys."));
        Assert.Equal(["The deal was signed in the U.S.", "The talks ended."], Split("The deal was signed in the U.S. The talks ended."));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        Assert.Equal(["“We will win,” she said.", "“They lost.”", "Done."], Split("“We will win,” she said. “They lost.” Done."));
        Assert.Equal(["Is it over?” he asked.", "Yes!"], Split("Is it over?” he asked. Yes!"));
    }

    [Fact]
    public void Line_breaks_end_sentences_and_numbers_do_not()
    {
        Assert.Equal(["A heading", "It cost 5.5 billion.", "Next."], Split("A heading\n\nIt cost 5.5 billion.\nNext."));
    }

    [Fact]
    public void Spans_point_into_the_text_without_surrounding_space()
    {
        const string text = "  One.  Two.  ";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal([new TextSpan(2, 6), new TextSpan(8, 12)], spans);
    }
}
