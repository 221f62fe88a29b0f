using System.Text;
using NewsTracker.Core.ArticleText;

namespace NewsTracker.Core.Tests.ArticleText;

public sealed class HtmlDecodingTests
{
    static readonly byte[] ZelenskyyInCyrillic1251 = Cp1251("<p>Зеленський</p>");

    static byte[] Cp1251(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251).GetBytes(text);
    }

    [Fact]
    public void The_http_charset_decides_first() =>
        Assert.Equal("<p>Зеленський</p>", HtmlDecoding.Decode(ZelenskyyInCyrillic1251, "text/html; charset=\"windows-1251\""));

    [Fact]
    public void A_meta_charset_is_read_when_the_header_has_none()
    {
        var page = Encoding.ASCII.GetBytes("<html><head><meta charset=\"windows-1251\"></head><body>").Concat(ZelenskyyInCyrillic1251).ToArray();
        Assert.EndsWith("<p>Зеленський</p>", HtmlDecoding.Decode(page, "text/html"));
    }

    [Fact]
    public void A_bom_outranks_a_wrong_label_and_utf8_is_the_default()
    {
        var utf8 = Encoding.UTF8.GetBytes("<p>Зеленський</p>");
        Assert.Equal("<p>Зеленський</p>", HtmlDecoding.Decode([0xEF, 0xBB, 0xBF, .. utf8], "text/html; charset=iso-8859-1")[1..]);
        Assert.Equal("<p>Зеленський</p>", HtmlDecoding.Decode(utf8, null));
        Assert.Equal("<p>Зеленський</p>", HtmlDecoding.Decode(utf8, "text/html; charset=no-such-charset"));
    }
}
