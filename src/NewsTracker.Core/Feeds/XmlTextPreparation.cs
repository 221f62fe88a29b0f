using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace NewsTracker.Core.Feeds;

/// <summary>
/// Checks and mends decoded feed text before it reaches the XML reader: refuses empty documents, HTML pages and
/// DTDs with declarations (entity expansion attacks), blanks harmless DOCTYPEs out, and repairs what real feeds
/// get wrong but mean clearly: HTML entities such as &amp;nbsp;, bare ampersands, Windows-1252 punctuation
/// mis-decoded as C1 control characters, and characters XML 1.0 forbids, which are dropped (and counted), as
/// liberal feed readers do, rather than losing every item of the feed to one of them.
/// </summary>
internal static class XmlTextPreparation
{
    /// <summary>The text ready for the XML reader, and how many forbidden characters were dropped from it.</summary>
    public static (string Xml, int DroppedCharacterCount) Prepare(string text)
    {
        text = CheckProlog(text);
        int dropped = 0;
        text = Repair(text, ref dropped);
        text = DropLoneSurrogatesAndNoncharacters(text, ref dropped);
        return (text, dropped);
    }

    /// <summary>
    /// Walks the prolog (declaration, comments, processing instructions, DOCTYPE) up to the root element.
    /// A misplaced XML declaration is blanked out.
    /// A DOCTYPE without an internal subset only names an external DTD that is never fetched; it is replaced by
    /// spaces of the same length so that line and column numbers in later errors stay true.
    /// </summary>
    private static string CheckProlog(string text)
    {
        int position = 0;
        while (true)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
                position++;
            if (position >= text.Length)
                throw new FeedParseException("empty document");
            var rest = text.AsSpan(position);
            if (rest.StartsWith("<?xml") && position > 0 && rest.Length > 5 && char.IsWhiteSpace(rest[5]))
            {
                // A declaration after whitespace or a comment (blank lines from a server script) is an XML
                // error, yet the text is decoded already and the declaration has nothing left to say.
                int end = SkipPast(text, position, "?>");
                (text, position) = (Blank(text, position, end), end);
            }
            else if (rest.StartsWith("<?"))
                position = SkipPast(text, position, "?>");
            else if (rest.StartsWith("<!--"))
                position = SkipPast(text, position, "-->");
            else if (rest.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
                (text, position) = BlankDoctype(text, position);
            else
            {
                if (rest.StartsWith("<html", StringComparison.OrdinalIgnoreCase) && (rest.Length == 5 || !char.IsLetterOrDigit(rest[5])))
                    throw new FeedParseException("not a feed: the document is HTML");
                if (rest[0] == '{')
                    throw new FeedParseException("not a feed: the document is JSON");
                return text; // the root element, or text the XML reader will report precisely
            }
        }
    }

    private static int SkipPast(string text, int position, string terminator)
    {
        int end = text.IndexOf(terminator, position, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    /// <summary>The text with the DOCTYPE at <paramref name="start"/> blanked, and the position after it.</summary>
    private static (string Text, int End) BlankDoctype(string text, int start)
    {
        char quote = '\0';
        for (int i = start + "<!DOCTYPE".Length; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '[')
                throw new FeedParseException("DTDs are not allowed");
            else if (c == '>')
                return (Blank(text, start, i + 1), i + 1);
        }
        throw new FeedParseException("unterminated DOCTYPE");
    }

    /// <summary>A copy of the text with [start, end) turned into spaces, line breaks kept.</summary>
    private static string Blank(string text, int start, int end) =>
        string.Create(text.Length, (text, start, end), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            foreach (ref char c in span[state.start..state.end])
            {
                if (c is not ('\n' or '\r'))
                    c = ' ';
            }
        });

    /// <summary>
    /// Ampersands, C1 controls, and the C0 controls XML forbids (all but tab, LF and CR). Every one is below U+0100,
    /// which keeps the search on its fastest path; the few forbidden characters above it are looked for apart.
    /// </summary>
    private static readonly SearchValues<char> NeedsRepair = SearchValues.Create("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F&\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>C1 controls U+0080..U+009F as Windows-1252 meant them (index = code - 0x80); unmapped ones stay.</summary>
    private static readonly string Windows1252C1 = BuildWindows1252C1();

    private static string BuildWindows1252C1()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252);
        var chars = new char[32];
        for (int i = 0; i < 32; i++)
        {
            var decoded = windows1252.GetString([(byte)(0x80 + i)]);
            chars[i] = decoded.Length == 1 && decoded[0] >= '\u00A0' ? decoded[0] : (char)(0x80 + i);
        }
        return new string(chars);
    }

    private const string CdataStart = "<![CDATA[";

    /// <summary>One forward pass; text needing no repair is returned as is, without a copy.</summary>
    private static string Repair(string text, ref int dropped)
    {
        int next = text.AsSpan().IndexOfAny(NeedsRepair);
        if (next < 0)
            return text;

        // Made at the first repair: most feeds have ampersands, nearly all of them valid references already.
        StringBuilder? repaired = null;
        int copied = 0;
        int cdataStart = text.IndexOf(CdataStart, StringComparison.Ordinal);
        int cdataEnd = -1;
        while (next >= 0)
        {
            int position = next;
            char c = text[position];
            if (c < '\u0020')
            {
                (repaired ??= new StringBuilder(text.Length + 64)).Append(text, copied, position - copied);
                copied = position + 1;
                dropped++;
            }
            else if (c != '&')
            {
                (repaired ??= new StringBuilder(text.Length + 64)).Append(text, copied, position - copied).Append(Windows1252C1[c - 0x80]);
                copied = position + 1;
            }
            else
            {
                // CDATA sections hold ampersands literally: advance to the section that could contain this position.
                while (cdataStart >= 0 && cdataStart < position)
                {
                    if (cdataEnd < cdataStart)
                    {
                        cdataEnd = text.IndexOf("]]>", cdataStart + CdataStart.Length, StringComparison.Ordinal);
                        if (cdataEnd < 0) cdataEnd = text.Length;
                    }
                    if (position < cdataEnd)
                        break;
                    cdataStart = text.IndexOf(CdataStart, cdataEnd, StringComparison.Ordinal);
                }
                bool inCdata = cdataStart >= 0 && cdataStart < position && position < cdataEnd;
                if (!inCdata && ReplacementForAmpersand(text, position, out string? replacement, out int replacedLength))
                {
                    (repaired ??= new StringBuilder(text.Length + 64)).Append(text, copied, position - copied).Append(replacement);
                    copied = position + replacedLength;
                    if (replacement.Length == 0)
                        dropped++;
                }
            }
            int offset = text.AsSpan(position + 1).IndexOfAny(NeedsRepair);
            next = offset < 0 ? -1 : position + 1 + offset;
        }
        return repaired is null ? text : repaired.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// False when the ampersand at <paramref name="position"/> starts a valid XML reference. Otherwise the text
    /// to put in its place: a character reference for a known HTML entity, nothing for a reference to a character
    /// XML forbids, else an escaped ampersand.
    /// </summary>
    private static bool ReplacementForAmpersand(string text, int position, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? replacement, out int replacedLength)
    {
        replacement = null;
        replacedLength = 1;
        int i = position + 1;
        if (i < text.Length && text[i] == '#')
        {
            int digitsStart = i + 1;
            bool hex = digitsStart < text.Length && text[digitsStart] is 'x' or 'X';
            int j = hex ? digitsStart + 1 : digitsStart;
            while (j < text.Length && (hex ? char.IsAsciiHexDigit(text[j]) : char.IsAsciiDigit(text[j])))
                j++;
            if (j > (hex ? digitsStart + 1 : digitsStart) && j < text.Length && text[j] == ';')
            {
                // &#146; and friends mean Windows-1252 punctuation, as HTML5 also reads them.
                var digits = text.AsSpan(hex ? digitsStart + 1 : digitsStart, j - (hex ? digitsStart + 1 : digitsStart));
                // A number too large for an int is no character either.
                bool isNumber = int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code);
                if (!isNumber || !IsXmlCharacter(code))
                {
                    replacement = "";
                    replacedLength = j + 1 - position;
                    return true;
                }
                if (code is >= 0x80 and <= 0x9F && Windows1252C1[code - 0x80] != (char)code)
                {
                    replacement = "&#" + (int)Windows1252C1[code - 0x80] + ";";
                    replacedLength = j + 1 - position;
                    return true;
                }
                return false;
            }
            replacement = "&amp;";
            return true;
        }

        int nameEnd = i;
        while (nameEnd < text.Length && nameEnd - i <= 32 && char.IsAsciiLetterOrDigit(text[nameEnd]))
            nameEnd++;
        if (nameEnd > i && nameEnd < text.Length && text[nameEnd] == ';' && char.IsAsciiLetter(text[i]))
        {
            var name = text.AsSpan(i, nameEnd - i);
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
                return false;
            var reference = text.Substring(position, nameEnd + 1 - position);
            var decoded = WebUtility.HtmlDecode(reference);
            if (decoded != reference)
            {
                var characters = new StringBuilder();
                for (int k = 0; k < decoded.Length; k += char.IsSurrogatePair(decoded, k) ? 2 : 1)
                    characters.Append("&#").Append(char.ConvertToUtf32(decoded, k)).Append(';');
                replacement = characters.ToString();
                replacedLength = reference.Length;
                return true;
            }
        }
        replacement = "&amp;";
        return true;
    }

    /// <summary>XML 1.0's Char production: tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF.</summary>
    private static bool IsXmlCharacter(int code) =>
        code is 0x09 or 0x0A or 0x0D or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>
    /// Drops U+FFFE, U+FFFF and surrogates that are not half of a pair. Strict UTF-8 decodes the first two from
    /// valid bytes; decoders replace broken surrogates, so those are here for text that came some other way.
    /// </summary>
    private static string DropLoneSurrogatesAndNoncharacters(string text, ref int dropped)
    {
        int next = NextForbiddenAbove(text, 0);
        if (next < 0)
            return text;
        var kept = new StringBuilder(text.Length);
        int copied = 0;
        while (next >= 0)
        {
            kept.Append(text, copied, next - copied);
            copied = next + 1;
            dropped++;
            next = NextForbiddenAbove(text, copied);
        }
        return kept.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The position of the next lone surrogate, U+FFFE or U+FFFF from <paramref name="start"/>, or -1; pairs are stepped over.</summary>
    private static int NextForbiddenAbove(string text, int start)
    {
        // Two vectorised searches: one SearchValues of all 2,050 characters searched several times slower.
        int noncharacter = text.AsSpan(start).IndexOfAny('\uFFFE', '\uFFFF');
        int end = noncharacter < 0 ? text.Length : start + noncharacter;
        int position = start;
        while (true)
        {
            int offset = text.AsSpan(position, end - position).IndexOfAnyInRange('\uD800', '\uDFFF');
            if (offset < 0)
                return noncharacter < 0 ? -1 : end;
            position += offset;
            if (char.IsHighSurrogate(text[position]) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]))
                position += 2;
            else
                return position;
        }
    }
}
