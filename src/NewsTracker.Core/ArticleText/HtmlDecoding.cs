using System.Text;
using System.Text.RegularExpressions;

namespace NewsTracker.Core.ArticleText;

/// <summary>Turns a fetched page's bytes into text: charset from the BOM, then the HTTP Content-Type, then a meta tag, else UTF-8.</summary>
public static partial class HtmlDecoding
{
    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] body, string? contentType)
    {
        var encoding = FromBom(body) ?? FromLabel(CharsetIn(contentType)) ?? FromLabel(MetaCharset(body)) ?? Encoding.UTF8;
        return encoding.GetString(body);
    }

    static Encoding? FromBom(byte[] b) =>
        b is [0xEF, 0xBB, 0xBF, ..] ? Encoding.UTF8
        : b is [0xFF, 0xFE, ..] ? Encoding.Unicode
        : b is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode
        : null;

    static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        try { return Encoding.GetEncoding(label.Trim().Trim('"', '\'')); }
        catch (ArgumentException) { return null; }
    }

    static string? CharsetIn(string? contentType) => Feeds.FeedDecoding.ParseContentType(contentType).Charset;

    /// <summary>Browsers look for the meta charset in the first 1024 bytes; so do we.</summary>
    static string? MetaCharset(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 1024));
        return MetaCharsetTag().Match(head) is { Success: true } m ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetTag();
}
