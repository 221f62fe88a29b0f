using System.Text;
using System.Text.RegularExpressions;

namespace NewsTracker.Core.Feeds;

/// <summary>
/// Turns a feed's bytes into text before any XML parsing, so that the encoding is chosen the way feed readers
/// do (RFC 3023 media-type rules, byte order mark, XML declaration, then UTF-8, then the charset detected from the
/// bytes, then Windows-1252) instead of the XML parser's strict rules, which reject many real feeds.
/// </summary>
internal static partial class FeedDecoding
{
    static FeedDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text and the lower-case name of the encoding that decoded it.</summary>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes, string? httpContentType)
    {
        if (TryDetectUnicode(bytes, out string? unicodeName, out int bomLength))
        {
            // A byte order mark (or an unambiguous "<?" in UTF-16/32) decides; nothing else can be right.
            var encoding = Encoding.GetEncoding(unicodeName, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            return (encoding.GetString(bytes[bomLength..]), unicodeName);
        }

        string? declared = DeclaredEncoding(bytes);
        var (mediaType, charset) = ParseContentType(httpContentType);
        string preferred = PreferredEncoding(mediaType, charset, declared);
        foreach (var name in (ReadOnlySpan<string?>)[preferred, declared, "utf-8"])
        {
            // Without a BOM or a wide "<", the bytes are ASCII-compatible: a UTF-16/32 label is simply wrong.
            if (name is not null && !IsWideEncoding(name) && TryDecodeStrictly(bytes, name, out string? text))
                return (text, name);
        }
        // Nothing declared decodes the bytes and they are not UTF-8: guess from the bytes, as browsers do and
        // feedparser does with chardet, before the Windows-1252 that most such feeds in the West are written in.
        if (DetectedEncoding(bytes) is { } detected && TryDecodeStrictly(bytes, detected, out string? detectedText))
            return (detectedText, detected);
        if (TryDecodeStrictly(bytes, "windows-1252", out string? windows1252Text))
            return (windows1252Text, "windows-1252");
        return (Encoding.Latin1.GetString(bytes), "iso-8859-1");
    }

    /// <summary>
    /// The charset UTF.Unknown finds most likely for bytes already known not to be UTF-8, by the name feeds declare
    /// it by (lower case); null when it has no answer that can be right.
    /// </summary>
    internal static string? DetectedEncoding(ReadOnlySpan<byte> bytes)
    {
        string? name = UtfUnknown.CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected?.EncodingName?.ToLowerInvariant();
        return name switch
        {
            // Both are known wrong by now: the bytes failed strict UTF-8, of which ASCII is a part.
            null or "utf-8" or "ascii" or "us-ascii" => null,
            // Browsers read the label ISO-8859-1 as Windows-1252, whose 0x80-0x9F are punctuation, not controls.
            "iso-8859-1" => "windows-1252",
            // The detector's spelling of the name registered as Shift_JIS.
            "shift-jis" => "shift_jis",
            _ when IsWideEncoding(name) => null,
            _ => name,
        };
    }

    /// <summary>
    /// RFC 3023 as feed readers apply it: an application/*xml charset, else the XML declaration, else UTF-8;
    /// a text/* type's charset, else US-ASCII (the declaration does not count for text/*).
    /// </summary>
    private static string PreferredEncoding(string? mediaType, string? charset, string? declared)
    {
        string preferred;
        if (mediaType is null)
            preferred = declared ?? "utf-8";
        else if (mediaType.StartsWith("text/", StringComparison.Ordinal))
            preferred = charset ?? "us-ascii";
        else if (mediaType.StartsWith("application/", StringComparison.Ordinal))
            preferred = charset ?? declared ?? "utf-8";
        else
            preferred = declared ?? "utf-8";
        // GB18030 is a superset of GB2312, and real GB2312 feeds use its extra characters.
        return preferred == "gb2312" ? "gb18030" : preferred;
    }

    private static bool IsWideEncoding(string name) =>
        name.StartsWith("utf-16", StringComparison.Ordinal) || name.StartsWith("utf-32", StringComparison.Ordinal)
        || name.StartsWith("utf16", StringComparison.Ordinal) || name.StartsWith("utf32", StringComparison.Ordinal)
        || name.StartsWith("ucs-", StringComparison.Ordinal) || name is "unicode" or "iso-10646-ucs-2" or "iso-10646-ucs-4";

    private static bool TryDecodeStrictly(ReadOnlySpan<byte> bytes, string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = null;
        Encoding encoding;
        try
        {
            encoding = name is "utf-8" or "utf8"
                ? StrictUtf8 // the common case, on the runtime's vectorised path
                : Encoding.GetEncoding(name == "gb2312" ? "gb18030" : name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return false; // an encoding name nobody knows
        }
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool TryDetectUnicode(ReadOnlySpan<byte> bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name, out int bomLength)
    {
        (name, bomLength) = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => ("utf-32le", 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => ("utf-32be", 4),
            [0xEF, 0xBB, 0xBF, ..] => ("utf-8", 3),
            [0xFF, 0xFE, ..] => ("utf-16le", 2),
            [0xFE, 0xFF, ..] => ("utf-16be", 2),
            // No BOM: "<" (or "<?") in a wide encoding is unambiguous.
            [0x00, 0x00, 0x00, 0x3C, ..] => ("utf-32be", 0),
            [0x3C, 0x00, 0x00, 0x00, ..] => ("utf-32le", 0),
            [0x00, 0x3C, 0x00, 0x3F, ..] => ("utf-16be", 0),
            [0x3C, 0x00, 0x3F, 0x00, ..] => ("utf-16le", 0),
            _ => ((string?)null, 0),
        };
        return name is not null;
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*?\sencoding\s*=\s*[""']([A-Za-z0-9._:\-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclarationEncoding();

    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        // The declaration is ASCII in every ASCII-compatible encoding; Latin-1 maps bytes to chars one to one.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        var match = XmlDeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    /// <summary>Media type and charset from a Content-Type header; tolerant of quotes and spaces around '='.</summary>
    internal static (string? MediaType, string? Charset) ParseContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return (null, null);
        var parts = contentType.Split(';');
        var mediaType = parts[0].Trim().ToLowerInvariant();
        string? charset = null;
        foreach (var parameter in parts.AsSpan(1))
        {
            int equals = parameter.IndexOf('=');
            if (equals < 0 || !parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                continue;
            var value = parameter[(equals + 1)..].Trim().Trim('"', '\'').Trim().ToLowerInvariant();
            if (value.Length > 0)
                charset = value;
        }
        return (mediaType.Length == 0 ? null : mediaType, charset);
    }
}
