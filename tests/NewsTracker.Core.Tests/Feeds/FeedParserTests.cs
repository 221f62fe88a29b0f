using System.Text;
using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

public class FeedParserTests
{
    private static ParsedFeed Parse(string xml, string? contentType = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), contentType);

    [Fact]
    public void Rss20_maps_item_fields()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
              <title>Channel</title>
              <link>https://example.org/</link>
              <item>
                <title>First &amp; foremost</title>
                <link>/news/1</link>
                <guid isPermaLink="false">id-1</guid>
                <pubDate>Sun, 17 Aug 2025 12:00:00 GMT</pubDate>
                <dc:creator>Jane Doe</dc:creator>
                <description>&lt;p&gt;Short&lt;/p&gt;</description>
                <content:encoded><![CDATA[<p>Long &nbsp; text</p>]]></content:encoded>
              </item>
            </channel>
            </rss>
            """);

        Assert.Equal("Channel", feed.Title);
        Assert.Equal("https://example.org/", feed.Link);
        Assert.Equal("utf-8", feed.Encoding);
        var item = Assert.Single(feed.Items);
        Assert.Equal("id-1", item.Id);
        Assert.Equal("First & foremost", item.Title);
        Assert.Equal("https://example.org/news/1", item.Link);
        Assert.Equal(new DateTimeOffset(2025, 8, 17, 12, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal("Jane Doe", item.Author);
        Assert.Equal("<p>Short</p>", item.Summary);
        Assert.Equal("<p>Long &nbsp; text</p>", item.Content);
    }

    [Fact]
    public void Rss_permalink_guid_serves_as_link_and_author_email_is_dropped()
    {
        var item = Assert.Single(Parse("""
            <rss version="2.0"><channel><item>
              <guid>https://example.org/a</guid>
              <author>jane@example.org (Jane Doe)</author>
            </item></channel></rss>
            """).Items);

        Assert.Equal("https://example.org/a", item.Link);
        Assert.Equal("https://example.org/a", item.Id);
        Assert.Equal("Jane Doe", item.Author);
    }

    [Fact]
    public void Rss10_rdf_items_beside_the_channel()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://example.org/"><title>RDF feed</title><link>https://example.org/</link></channel>
              <image><title>Not the feed title</title></image>
              <item rdf:about="https://example.org/1">
                <title>One</title><link>https://example.org/1</link>
                <dc:date>2003-12-31T10:14:55Z</dc:date>
                <description>Text</description>
              </item>
            </rdf:RDF>
            """);

        Assert.Equal("RDF feed", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://example.org/1", item.Id);
        Assert.Equal("One", item.Title);
        Assert.Equal(new DateTimeOffset(2003, 12, 31, 10, 14, 55, TimeSpan.Zero), item.Published);
        Assert.Equal(item.Published, item.Updated);
        Assert.Equal("Text", item.Summary);
    }

    [Fact]
    public void Atom10_entry_with_xhtml_content_and_relative_links()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/">
              <title type="html">A &amp;lt;b&amp;gt; feed</title>
              <link rel="self" href="https://example.org/feed.atom"/>
              <link href="https://example.org/blog/"/>
              <entry>
                <id>urn:uuid:1</id>
                <title>Entry</title>
                <link rel="enclosure" href="audio.mp3"/>
                <link rel="alternate" href="posts/1"/>
                <updated>2024-05-02T10:00:00+02:00</updated>
                <author><name>Ann</name><email>ann@example.org</email></author>
                <summary>Plain</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b><br/></p></div></content>
              </entry>
            </feed>
            """);

        Assert.Equal("A &lt;b&gt; feed", feed.Title); // type="html": the HTML source, as for summaries
        Assert.Equal("https://example.org/blog/", feed.Link);
        var item = Assert.Single(feed.Items);
        Assert.Equal("urn:uuid:1", item.Id);
        Assert.Equal("https://example.org/blog/posts/1", item.Link);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 8, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal("Ann", item.Author);
        Assert.Equal("Plain", item.Summary);
        Assert.Equal("<p>Hello <b>world</b><br /></p>", item.Content);
    }

    [Fact]
    public void Atom03_issued_and_escaped_content()
    {
        var item = Assert.Single(Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <entry>
                <title>Old</title>
                <link rel="alternate" type="text/html" href="https://example.org/old"/>
                <issued>2004-01-01T19:48:21Z</issued>
                <content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content>
              </entry>
            </feed>
            """).Items);

        Assert.Equal("https://example.org/old", item.Link);
        Assert.Equal(new DateTimeOffset(2004, 1, 1, 19, 48, 21, TimeSpan.Zero), item.Published);
        Assert.Equal("<p>Hi</p>", item.Content);
    }

    [Fact]
    public void Html_entities_and_bare_ampersands_are_tolerated()
    {
        var item = Assert.Single(Parse("""
            <rss version="2.0"><channel><item>
              <title>Caf&eacute; &nbsp;&amp; bar &unknown; R&D</title>
              <link>https://example.org/?a=1&b=2</link>
            </item></channel></rss>
            """).Items);

        Assert.Equal("Café \u00a0& bar &unknown; R&D", item.Title);
        Assert.Equal("https://example.org/?a=1&b=2", item.Link);
    }

    [Fact]
    public void A_second_distinct_description_is_kept_as_content_a_duplicate_is_not()
    {
        var items = Parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
              <item><description>Short</description><summary>Longer text</summary></item>
              <item><description>Same</description><dc:description>Same</dc:description></item>
            </channel></rss>
            """).Items;
        Assert.Equal(("Short", "Longer text"), (items[0].Summary, items[0].Content));
        Assert.Equal(("Same", null), (items[1].Summary, items[1].Content));
    }

    [Fact]
    public void Unparseable_date_keeps_the_item()
    {
        var item = Assert.Single(Parse("<rss><channel><item><title>x</title><pubDate>someday soon</pubDate></item></channel></rss>").Items);
        Assert.Null(item.Published);
        Assert.Equal("x", item.Title);
    }

    [Fact]
    public void Harmless_doctype_is_ignored()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old school</title></channel></rss>
            """);
        Assert.Equal("Old school", feed.Title);
    }

    [Fact]
    public void Xml_declaration_after_blank_lines_is_tolerated()
    {
        var feed = Parse("\n\n  <?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss><channel><title>Late declaration</title></channel></rss>");
        Assert.Equal("Late declaration", feed.Title);
    }

    [Fact]
    public void Customary_prefixes_work_undeclared()
    {
        var item = Assert.Single(Parse("""
            <rss version="2.0"><channel><item>
              <title>Podcast</title>
              <dc:creator>Ann</dc:creator>
              <itunes:duration>10:00</itunes:duration>
              <content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>
            </item></channel></rss>
            """).Items);
        Assert.Equal("Ann", item.Author);
        Assert.Equal("<p>Body</p>", item.Content);
    }

    [Fact]
    public void External_entity_is_refused()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <rss><channel><title>&secret;</title></channel></rss>
            """));
        Assert.Equal("DTDs are not allowed", error.Message);
    }

    [Fact]
    public void Billion_laughs_is_refused()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <rss><channel><title>&lol4;</title></channel></rss>
            """));
        Assert.Equal("DTDs are not allowed", error.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>x</title></head><body><p>hi<br></body></html>")]
    [InlineData("<html><body>not closed")]
    [InlineData("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")]
    public void Html_is_not_a_feed(string html)
    {
        var error = Assert.Throws<FeedParseException>(() => Parse(html));
        Assert.Equal("not a feed: the document is HTML", error.Message);
    }

    [Fact]
    public void Json_is_not_a_feed()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"));
        Assert.Equal("not a feed: the document is JSON", error.Message);
    }

    [Fact]
    public void Other_xml_is_not_a_feed()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        Assert.Equal("not a feed: the root element is <svg>", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n ")]
    [InlineData("<?xml version=\"1.0\"?><!-- nothing -->")]
    public void Empty_document(string text)
    {
        var error = Assert.Throws<FeedParseException>(() => Parse(text));
        Assert.Equal("empty document", error.Message);
    }

    [Fact]
    public void Truncated_document_reports_where()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse("<rss>\n<channel>\n<item><title>Cut"));
        Assert.Matches(@"^XML error at line 3, column \d+: ", error.Message);
    }

    [Fact]
    public void Deeply_nested_channels_do_not_exhaust_the_stack()
    {
        const int depth = 200_000;
        var xml = "<rss>" + string.Concat(Enumerable.Repeat("<channel>", depth)) + string.Concat(Enumerable.Repeat("</channel>", depth)) + "</rss>";
        Assert.Empty(Parse(xml).Items);
    }

    [Fact]
    public void Stream_overload_reads_to_the_end()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<rss><channel><item><title>S</title></item></channel></rss>"));
        Assert.Equal("S", Assert.Single(FeedParser.Parse(stream, "application/rss+xml; charset=utf-8").Items).Title);
    }

    [Fact]
    public void Sample_feed_ukraine_peace_talks()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Feeds", "Samples", "ukraine-peace-talks.xml"));
        var feed = FeedParser.Parse(file, "application/rss+xml");

        Assert.Equal("Seed articles: Ukraine peace talks", feed.Title);
        Assert.Equal(5, feed.Items.Count);
        Assert.All(feed.Items, item =>
        {
            Assert.NotNull(item.Title);
            Assert.StartsWith("https://example.org/seeds/", item.Link);
            Assert.NotNull(item.Id);
            Assert.NotNull(item.Published);
            Assert.StartsWith("<p>", item.Content);
        });
        var first = feed.Items[0];
        Assert.Equal("Trump signals openness to security guarantees for Ukraine", first.Title);
        Assert.Equal("seed-000_d10be4498005d12f.txt", first.Id);
        Assert.Equal(new DateTimeOffset(2025, 8, 17, 12, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(new DateTimeOffset(2025, 2, 13, 8, 0, 0, TimeSpan.Zero), feed.Items[3].Published);
    }
}
