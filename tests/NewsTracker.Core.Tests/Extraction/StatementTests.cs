using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

public class StatementTests
{
    static List<(string Speaker, string Text)> Statements(string text) =>
        TestStory.Extract(text).Claims.Where(c => c.Kind == ClaimKind.Statement).Select(c => (c.Speaker, c.Text)).ToList();

    [Fact]
    public void Reporting_verb_with_that_gives_the_clause()
    {
        Assert.Equal([("Maria Lopez", "the talks would resume")], Statements("Lopez confirmed that the talks would resume."));
        Assert.Equal([("Tom Smith", "the talks would resume")], Statements("Smith told reporters on Monday that the talks would resume."));
    }

    [Fact]
    public void Said_like_verbs_need_no_that()
    {
        Assert.Equal([("Maria Lopez", "on a truce along the current front line")], Statements("Lopez insisted on a truce along the current front line."));
        Assert.Equal([("Maria Lopez", "the talks would resume")], Statements("Lopez has repeatedly said the talks would resume."));
    }

    [Fact]
    public void Verbs_that_take_any_object_are_no_statement_without_that()
    {
        Assert.Empty(Statements("Lopez signaled an important shift in policy."));
    }

    [Fact]
    public void Possessives_are_no_speakers_and_quotes_are_left_to_quotes()
    {
        Assert.Empty(Statements("Lopez’s aides said the talks would resume."));
        Assert.Empty(Statements("Lopez said the talks would “resume soon.”"));
    }

    [Fact]
    public void Sentences_holding_a_quote_give_no_statement()
    {
        Assert.Empty(Statements("Speaking in Madrid, Lopez said: 'We will not leave.'"));
        Assert.Empty(Statements("'No deal yet,' Lopez told state TV."));
    }

    [Fact]
    public void A_parenthetical_between_commas_does_not_hide_the_verb()
    {
        Assert.Equal([("Maria Lopez", "Europe would not accept the deal")], Statements("Lopez, who hosted the talks in Madrid, said Europe would not accept the deal."));
    }
}
