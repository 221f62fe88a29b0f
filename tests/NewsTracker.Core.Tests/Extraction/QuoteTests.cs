using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

public class QuoteTests
{
    static List<(string Speaker, string Text)> Quotes(string text) =>
        TestStory.Extract(text).Claims.Where(c => c.Kind == ClaimKind.Quote).Select(c => (c.Speaker, c.Text)).ToList();

    [Theory]
    [InlineData("“We will win,” Lopez said.")]
    [InlineData("“We will win,” said Lopez.")]
    [InlineData("\"We will win,\" Lopez told reporters.")]
    [InlineData("Lopez told reporters: “We will win.”")]
    [InlineData("Lopez, speaking in Madrid, said “we will win.”")]
    [InlineData("According to Lopez, “we will win.”")]
    [InlineData("“We will win,” according to Lopez.")]
    [InlineData("“We will win,” Lopez was quoted as saying by state media.")]
    public void Speaker_before_or_after_the_quote(string text)
    {
        var (speaker, words) = Assert.Single(Quotes(text));
        Assert.Equal("Maria Lopez", speaker);
        Assert.Equal("we will win", words.TrimEnd('.').ToLowerInvariant());
    }

    /// <summary>A full stop inside the marks stays (it may be the speaker's); a comma before the closing mark is the writer's.</summary>
    [Fact]
    public void Span_covers_the_quoted_words_without_marks_or_trailing_comma()
    {
        const string text = "Lopez called it “positive,” aides said.";
        var claim = Assert.Single(TestStory.Extract(text).Claims);
        Assert.Equal("positive", claim.Span.Of(text));
        Assert.Equal(claim.Text, claim.Span.Of(text));
        Assert.Equal(text, claim.Sentence.Of(text));
    }

    [Fact]
    public void Short_fragments_belong_to_the_clause_subject()
    {
        Assert.Equal([("Maria Lopez", "a lasting deal"), ("Maria Lopez", "consequences.")],
            Quotes("Lopez said it would ensure “a lasting deal” with real “consequences.”"));
    }

    [Fact]
    public void A_quote_continuing_after_its_attribution_keeps_the_speaker()
    {
        Assert.Equal([("Maria Lopez", "We will win"), ("Maria Lopez", "They will lose.")],
            Quotes("“We will win,” Lopez said. “They will lose.”"));
    }

    [Fact]
    public void A_colon_introduces_a_quote_in_the_next_paragraph()
    {
        Assert.Equal([("Maria Lopez", "We will win.")], Quotes("Lopez addressed the press, stating:\n\n“We will win.”"));
    }

    [Fact]
    public void Pronouns_resolve_to_the_last_named_person()
    {
        Assert.Equal([("Tom Smith", "pretty obvious.")], Quotes("Smith acknowledged the problem. He described the lines as “pretty obvious.”"));
    }

    [Fact]
    public void A_quote_inside_reported_words_belongs_to_the_reporter()
    {
        Assert.Equal([("Tom Smith", "agreed to talks.")], Quotes("Hans Weber arrived. Smith revealed that Weber had “agreed to talks.”"));
        Assert.Equal([("Tom Smith", "agreed to talks.")], Quotes("Hans Weber arrived. Smith revealed that Weber had 'agreed to talks.'"));
    }

    [Fact]
    public void A_contrast_clause_switches_the_speaker()
    {
        Assert.Equal([("Maria Lopez", "a deal"), ("Tom Smith", "the risks.")],
            Quotes("Lopez praised “a deal,” while Smith stressed “the risks.”"));
    }

    [Fact]
    public void A_description_resolves_to_the_person_who_holds_the_title()
    {
        Assert.Equal([("Pierre Martin", "historic.")],
            Quotes("French President Pierre Martin arrived with Lopez. The French president called the day “historic.”"));
    }

    [Fact]
    public void A_person_named_after_the_quote_is_its_source()
    {
        Assert.Equal([("Tom Smith", "Article 5-like language")],
            Quotes("The idea of “Article 5-like language” being extended, as suggested by envoy Smith, is new."));
    }

    [Theory]
    [InlineData("The so-called “security guarantees” were debated.")]
    [InlineData("Lopez backed what critics dubbed “a land grab.”")]
    [InlineData("Leaders want robust “security guarantees” to uphold “sovereignty.”")]
    public void Scare_quotes_and_quotes_nobody_says_are_no_claims(string text)
    {
        Assert.Empty(Quotes(text));
    }

    [Fact]
    public void Claims_carry_the_topics_they_name()
    {
        var claim = Assert.Single(TestStory.Extract("“A truce is close,” Lopez said.").Claims);
        Assert.Equal(["ceasefire"], claim.Topics);
    }

    [Fact]
    public void After_a_quote_the_person_beats_the_organisation_in_his_title()
    {
        Assert.Equal([("Tom Smith", "We are waiting")], Quotes("“We are waiting,” NATO envoy Tom Smith said."));
    }

    [Fact]
    public void The_person_with_the_speech_verb_beats_an_earlier_name()
    {
        Assert.Equal([("Maria Lopez", "We'll see.")], Quotes("Asked whether Smith would join by phone, Lopez said: “We'll see.”"));
        Assert.Equal([("Hans Weber", "frank")], Quotes("Lopez and Smith spoke on Thursday, which aide Hans Weber described as “frank”."));
    }

    [Fact]
    public void A_quote_running_over_paragraphs_takes_the_speaker_named_where_it_goes_on()
    {
        var quotes = Quotes("“We have waited long enough. The war must end.\n\n“Nobody wants it more than we do,” Lopez said.");
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Maria Lopez", q.Speaker));
    }

    [Fact]
    public void A_quote_split_by_its_attribution_is_one_speaker()
    {
        Assert.Equal([("Maria Lopez", "We are ready"), ("Maria Lopez", "but not at any price.")],
            Quotes("“We are ready,” Lopez said, “but not at any price.”"));
    }

    [Fact]
    public void An_unnamed_speaker_does_not_inherit_the_last_speaker()
    {
        Assert.Equal([("Maria Lopez", "We are close")], Quotes("“We are close,” Lopez said. “We are making progress,” a senior official said."));
    }

    [Fact]
    public void Windows_line_breaks_are_paragraph_breaks_too()
    {
        Assert.Equal([("Maria Lopez", "We will win"), ("Tom Smith", "Next")],
            Quotes("“We will win,” Lopez said.\r\n\r\n“Next,” Smith said."));
    }

    [Fact]
    public void A_multi_word_title_description_resolves_too()
    {
        Assert.Equal([("Mark Rutte", "united.")],
            Quotes("NATO Secretary General Mark Rutte met Lopez. The secretary general said the alliance was “united.”"));
    }
}
