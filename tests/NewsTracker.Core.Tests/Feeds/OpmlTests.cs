using System.Text;
using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

public sealed class OpmlTests
{
    static MemoryStream Stream(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void Feeds_in_folders_are_read_with_their_titles()
    {
        var feeds = Opml.Parse(Stream("""
            <opml version="1.0"><body>
              <outline text="News"><outline text="BBC" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/></outline>
              <outline title="Kyiv Independent" text="KI" xmlUrl=" https://kyivindependent.com/feed/ "/>
              <outline text="a folder with no feed"/>
            </body></opml>
            """));

        Assert.Equal([new OpmlFeed("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC"), new OpmlFeed("https://kyivindependent.com/feed/", "Kyiv Independent")], feeds);
    }

    [Fact]
    public void What_is_written_reads_back()
    {
        var feeds = new[] { new OpmlFeed("https://a.example/rss?x=1&y=2", "A & B"), new OpmlFeed("https://b.example/atom", null) };
        using var buffer = new MemoryStream();
        Opml.Write(buffer, "Mine", feeds);
        buffer.Position = 0;
        Assert.Equal([feeds[0], new OpmlFeed("https://b.example/atom", "https://b.example/atom")], Opml.Parse(buffer));
    }

    [Theory]
    [InlineData("<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body><outline xmlUrl=\"&x;\"/></body></opml>", "DTD")]
    [InlineData("<html><body>not opml</body></html>", "not an OPML file")]
    [InlineData("<opml><body><outline", "XML error")]
    public void Bad_files_give_a_clear_error(string text, string phrase)
    {
        var error = Assert.Throws<FeedParseException>(() => Opml.Parse(Stream(text)));
        Assert.Contains(phrase, error.Message);
    }
}
