using System.Text;
using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

public class FeedEncodingTests
{
    static FeedEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Feed(string title, Encoding encoding, string? declared = null, byte[]? preamble = null)
    {
        var declaration = declared is null ? "<?xml version=\"1.0\"?>" : $"<?xml version=\"1.0\" encoding=\"{declared}\"?>";
        var body = encoding.GetBytes($"{declaration}\n<rss version=\"2.0\"><channel><title>{title}</title></channel></rss>");
        return [.. preamble ?? [], .. body];
    }

    [Theory]
    [InlineData("windows-1252", "café “quoted” – €5")]
    [InlineData("iso-8859-1", "Ærøskøbing")]
    [InlineData("iso-8859-5", "Привет")]
    [InlineData("koi8-r", "Привет, мир")]
    [InlineData("big5", "新聞")]
    [InlineData("euc-kr", "뉴스")]
    [InlineData("shift_jis", "ニュース")]
    public void Declared_legacy_encoding_is_used(string name, string title)
    {
        var feed = FeedParser.Parse(Feed(title, Encoding.GetEncoding(name), declared: name));
        Assert.Equal(title, feed.Title);
        Assert.Equal(name, feed.Encoding);
    }

    [Fact]
    public void Gb2312_is_read_as_its_superset_gb18030()
    {
        var feed = FeedParser.Parse(Feed("新闻", Encoding.GetEncoding("gb18030"), declared: "GB2312"));
        Assert.Equal("新闻", feed.Title);
        Assert.Equal("gb18030", feed.Encoding);
    }

    [Fact]
    public void Http_charset_overrides_the_declaration_for_application_xml()
    {
        var feed = FeedParser.Parse(Feed("café", Encoding.Latin1, declared: "utf-8"), "application/rss+xml; charset=\"ISO-8859-1\"");
        Assert.Equal("café", feed.Title);
        Assert.Equal("iso-8859-1", feed.Encoding);
    }

    [Fact]
    public void Text_xml_without_charset_is_ascii_but_falls_back_to_the_declaration()
    {
        Assert.Equal("us-ascii", FeedParser.Parse(Feed("plain", Encoding.UTF8, declared: "utf-8"), "text/xml").Encoding);
        var feed = FeedParser.Parse(Feed("café", Encoding.UTF8, declared: "utf-8"), "text/xml");
        Assert.Equal("café", feed.Title);
        Assert.Equal("utf-8", feed.Encoding);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void Wide_encodings_are_sniffed_without_a_bom(string name)
    {
        var feed = FeedParser.Parse(Feed("Grüße", Encoding.GetEncoding(name), declared: "utf-16"));
        Assert.Equal("Grüße", feed.Title);
        Assert.Equal(name, feed.Encoding);
    }

    [Fact]
    public void Byte_order_mark_wins_over_http_charset()
    {
        var utf16 = new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        var feed = FeedParser.Parse(Feed("Grüße", utf16, preamble: utf16.GetPreamble()), "application/xml; charset=iso-8859-1");
        Assert.Equal("Grüße", feed.Title);
        Assert.Equal("utf-16be", feed.Encoding);

        var utf8 = FeedParser.Parse(Feed("Grüße", Encoding.UTF8, preamble: Encoding.UTF8.GetPreamble()), "application/xml; charset=iso-8859-1");
        Assert.Equal("Grüße", utf8.Title);
        Assert.Equal("utf-8", utf8.Encoding);
    }

    [Fact]
    public void Wrong_utf16_label_on_utf8_bytes_is_ignored()
    {
        var feed = FeedParser.Parse(Feed("Grüße", Encoding.UTF8, declared: "UTF-16"));
        Assert.Equal("Grüße", feed.Title);
        Assert.Equal("utf-8", feed.Encoding);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252()
    {
        var feed = FeedParser.Parse(Feed("caf\u00e9 \u201cq\u201d", Encoding.GetEncoding(1252)));
        Assert.Equal("caf\u00e9 \u201cq\u201d", feed.Title);
        Assert.Equal("windows-1252", feed.Encoding);
    }

    [Fact]
    public void Unknown_charset_is_skipped()
    {
        var feed = FeedParser.Parse(Feed("café", Encoding.UTF8, declared: "x-no-such-charset"));
        Assert.Equal("café", feed.Title);
        Assert.Equal("utf-8", feed.Encoding);
    }

    [Fact]
    public void Windows_1252_punctuation_mis_decoded_as_c1_controls_is_mended()
    {
        // UTF-8 for U+0092 (a C1 control) where a Windows-1252 writer meant a right single quote.
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes("<rss><channel><title>don\u0092t &#150; ok</title></channel></rss>"));
        Assert.Equal("don\u2019t \u2013 ok", feed.Title);
    }

    [Fact]
    public void Utf8_read_as_windows_1252_mojibake_is_mended()
    {
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes("<rss><channel><item><title>Trumpâ€™s plan â€” cafÃ©</title></item></channel></rss>"));
        Assert.Equal("Trump\u2019s plan \u2014 café", Assert.Single(feed.Items).Title);
    }
}
