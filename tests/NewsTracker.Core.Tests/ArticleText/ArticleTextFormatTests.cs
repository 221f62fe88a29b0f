using System.Text;
using NewsTracker.Core.ArticleText;

namespace NewsTracker.Core.Tests.ArticleText;

public class ArticleTextFormatTests
{
    /// <summary>
    /// The rule written a char at a time: every white-space run is one space between words, invisible chars and those
    /// XML forbids (controls that are not white space, U+FFFE, U+FFFF) are dropped.
    /// </summary>
    static string CollapsedCharByChar(string text)
    {
        var sb = new StringBuilder();
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (c is '\u200B' or '\uFEFF' or '\u00AD' or < '\u0020' or '\uFFFE' or '\uFFFF') continue;
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    [Fact]
    public void Collapsing_whitespace_matches_the_rule_char_by_char_over_every_kind_of_space()
    {
        // Every char char.IsWhiteSpace accepts, the invisible ones, look-alikes that are neither (U+200C, U+2060), controls
        // XML forbids, and ones it allows (DEL, a C1 control, U+FFFD).
        char[] spaces = [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)];
        char[] others = ['\u200B', '\uFEFF', '\u00AD', '\u200C', '\u2060', 'a', 'Z', 'é', '.', '“', '\u0000', '\u000F', '\u001F', '\uFFFE', '\uFFFF', '\u007F', '\u0085', '\uFFFD'];
        var random = new Random(5);
        for (int n = 0; n < 3000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
                random.Next(3) == 0 ? spaces[random.Next(spaces.Length)] : others[random.Next(others.Length)])]);
            Assert.Equal(CollapsedCharByChar(text), ArticleTextFormat.CollapseWhitespace(text));
        }
    }

    [Fact]
    public void A_paragraph_continued_over_several_pieces_gets_one_space_between_words()
    {
        var sb = new StringBuilder();
        bool pendingSpace = false;
        int dropped = 0;
        int visible = ArticleTextFormat.AppendCollapsed(sb, "  Talks\u00A0in ", ref pendingSpace, ref dropped)
            + ArticleTextFormat.AppendCollapsed(sb, "\u200BGen\u000Feva", ref pendingSpace, ref dropped)
            + ArticleTextFormat.AppendCollapsed(sb, " \n", ref pendingSpace, ref dropped);
        Assert.Equal("Talks in Geneva", sb.ToString());
        Assert.Equal("TalksinGeneva".Length, visible);
        Assert.Equal(1, dropped);
        Assert.True(pendingSpace); // a next piece starts with a space, none is written at the end
    }
}
