using System.Text;
using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

/// <summary>
/// Characters XML 1.0 forbids (C0 controls other than tab, CR and LF; lone surrogates; U+FFFE and U+FFFF) are
/// dropped before the XML reader sees them, raw or as character references, and counted; the rest of the feed is read.
/// </summary>
public class InvalidCharacterTests
{
    private static ParsedFeed Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Control_characters_in_an_entry_are_dropped_and_the_whole_feed_is_read()
    {
        // A stray control character in one entry's title and text, as a Stack Overflow Atom feed carried one:
        // before, the reader refused the document, and every entry with it.
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Questions</title>
              <entry>
                <id>q-1</id>
                <title>Bytes read as ASCII: (WK\u000Fx5</title>
                <summary type="html">&lt;pre&gt;&lt;code&gt;(WK\u000Fx5&lt;/code&gt;&lt;/pre&gt;</summary>
              </entry>
              <entry>
                <id>q-2</id>
                <title>An ordinary question</title>
              </entry>
            </feed>
            """.Replace("\\u000F", "\u000F"));

        Assert.Equal("Questions", feed.Title);
        Assert.Equal(["q-1", "q-2"], feed.Items.Select(i => i.Id));
        Assert.Equal("Bytes read as ASCII: (WKx5", feed.Items[0].Title);
        Assert.Equal("<pre><code>(WKx5</code></pre>", feed.Items[0].Summary);
        Assert.Equal(2, feed.DroppedCharacterCount);
    }

    [Theory]
    [InlineData("&#15;")]
    [InlineData("&#x0F;")]
    [InlineData("&#0;")]
    [InlineData("&#xD800;")]
    [InlineData("&#xDFFF;")]
    [InlineData("&#xFFFE;")]
    [InlineData("&#65535;")]
    [InlineData("&#x110000;")]
    [InlineData("&#99999999999;")]
    public void Character_references_to_forbidden_characters_are_dropped(string reference)
    {
        var feed = Parse($"<rss><channel><item><title>a{reference}b</title></item></channel></rss>");

        Assert.Equal("ab", Assert.Single(feed.Items).Title);
        Assert.Equal(1, feed.DroppedCharacterCount);
    }

    [Fact]
    public void Every_raw_forbidden_character_is_dropped_and_allowed_ones_are_kept()
    {
        var forbidden = Enumerable.Range(0, 0x20).Where(c => c is not (0x09 or 0x0A or 0x0D)).Select(c => (char)c)
            .Concat(['\uFFFE', '\uFFFF']).ToList();
        // Tab, DEL, a character outside the BMP (a surrogate pair) and U+FFFD are all allowed.
        const string allowed = "\t\u007F\U0001F600\uFFFD";

        var feed = Parse($"<rss><channel><item><title>a{string.Concat(forbidden)}{allowed}b</title></item></channel></rss>");

        Assert.Equal($"a{allowed}b", Assert.Single(feed.Items).Title);
        Assert.Equal(forbidden.Count, feed.DroppedCharacterCount);
    }

    [Fact]
    public void Lone_surrogates_from_a_decoder_are_dropped()
    {
        // Decoders replace malformed input, so this reaches the parser only through the internal preparation step.
        var (xml, dropped) = XmlTextPreparation.Prepare("<rss><channel><title>a\uD800b\uDC00c\uD83D\uDE00</title></channel></rss>");

        Assert.Equal("<rss><channel><title>abc\uD83D\uDE00</title></channel></rss>", xml);
        Assert.Equal(2, dropped);
    }

    [Fact]
    public void References_inside_cdata_are_text_and_stay()
    {
        var feed = Parse("<rss><channel><item><description><![CDATA[<p>&#15;\u0001</p>]]></description></item></channel></rss>");

        Assert.Equal("<p>&#15;</p>", Assert.Single(feed.Items).Summary);
        Assert.Equal(1, feed.DroppedCharacterCount);
    }

    [Fact]
    public void A_clean_feed_drops_nothing()
    {
        var feed = Parse("<rss><channel><item><title>Tab\there &#9;&#10;&#x1F600; &amp; more</title></item></channel></rss>");

        Assert.Equal(0, feed.DroppedCharacterCount);
    }
}
