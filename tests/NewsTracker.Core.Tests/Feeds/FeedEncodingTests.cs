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

    public static TheoryData<string, string> UndeclaredLegacyFeeds => new()
    {
        { "windows-1251", "Переговоры о прекращении огня возобновились в Женеве. Делегации обеих сторон встретились во вторник и договорились продолжить работу на следующей неделе." },
        { "koi8-r", "Переговоры о прекращении огня возобновились в Женеве. Делегации обеих сторон встретились во вторник и договорились продолжить работу на следующей неделе." },
        { "windows-1250", "Rozmowy pokojowe w Genewie zostały wznowione. Minister spraw zagranicznych oświadczył, że delegacje spotkają się ponownie w przyszłym tygodniu, żeby omówić zawieszenie broni." },
        { "shift_jis", "ジュネーブで停戦交渉が再開された。両国の代表団は火曜日に会談し、来週も協議を続けることで合意したと当局者が明らかにした。" },
        { "euc-kr", "제네바에서 휴전 협상이 재개되었다. 양측 대표단은 화요일에 만나 다음 주에도 협의를 계속하기로 합의했다고 관계자들이 밝혔다." },
    };

    [Theory]
    [MemberData(nameof(UndeclaredLegacyFeeds))]
    public void Undeclared_legacy_encoding_that_is_not_utf8_is_detected(string name, string text)
    {
        // No declaration, no charset, not UTF-8: before detection these were read as Windows-1252, as mojibake.
        var feed = FeedParser.Parse(Feed(text, Encoding.GetEncoding(name)));

        Assert.Equal(text, feed.Title);
        Assert.Equal(name, feed.Encoding);
    }

    [Fact]
    public void A_declared_charset_that_decodes_is_not_second_guessed()
    {
        // Windows-1251 bytes declared as Windows-1252 decode (as mojibake); a declaration that decodes is believed.
        var feed = FeedParser.Parse(Feed("Переговоры в Женеве продолжатся на следующей неделе", Encoding.GetEncoding("windows-1251"), declared: "windows-1252"));

        Assert.Equal("windows-1252", feed.Encoding);
    }

    public static TheoryData<string, string> FeedparserUndeclaredCases => new()
    {
        { "tests/illformed/chardet/big5.xml", "big5" },
        { "tests/illformed/chardet/eucjp.xml", "euc-jp" },
        { "tests/illformed/chardet/euckr.xml", "euc-kr" },
        // Detected as gb18030, the superset a declared gb2312 is read as too (feedparser's chardet says GB2312).
        { "tests/illformed/chardet/gb2312.xml", "gb18030" },
        { "tests/illformed/chardet/koi8r.xml", "koi8-r" },
        { "tests/illformed/chardet/shiftjis.xml", "shift_jis" },
        { "tests/illformed/chardet/tis620.xml", "tis-620" },
        { "tests/illformed/chardet/windows1255.xml", "windows-1255" },
    };

    [Theory]
    [MemberData(nameof(FeedparserUndeclaredCases))]
    public void Feedparser_undeclared_legacy_feeds_are_detected_and_read_as_their_encoding(string path, string encoding)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FeedCorpus.Root, path));

        var feed = FeedParser.Parse(bytes);

        Assert.Equal(encoding, feed.Encoding);
        // The same feed as its text re-encoded as UTF-8, every title and summary decoded as the encoding says.
        var asUtf8 = FeedParser.Parse(Encoding.UTF8.GetBytes(Encoding.GetEncoding(encoding).GetString(bytes)));
        Assert.Equal(asUtf8.Title, feed.Title);
        Assert.Equal(asUtf8.Items, feed.Items);
        Assert.NotEmpty((feed.Title ?? "") + string.Concat(feed.Items.Select(i => i.Title + i.Summary)));
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
