using System.Text.RegularExpressions;
using System.Xml;

namespace NewsTracker.Core.Feeds;

/// <summary>
/// Parses RSS 2.0/0.9x, RSS 1.0/0.90 (RDF) and Atom 1.0/0.3 in one forward pass over the XML.
/// Every failure surfaces as a <see cref="FeedParseException"/> with a short message for the feed's status line.
/// </summary>
public static partial class FeedParser
{
    /// <summary>Reads <paramref name="body"/> to its end and parses it.</summary>
    /// <param name="httpContentType">The raw HTTP Content-Type header, whose charset (if any) takes part in choosing the encoding.</param>
    public static ParsedFeed Parse(Stream body, string? httpContentType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        try
        {
            body.CopyTo(buffer);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or InvalidOperationException)
        {
            throw new FeedParseException("could not read the document: " + e.Message, e);
        }
        return ParseBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), httpContentType);
    }

    /// <inheritdoc cref="Parse(Stream, string?)"/>
    public static ParsedFeed Parse(byte[] body, string? httpContentType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return ParseBytes(body, httpContentType);
    }

    private static ParsedFeed ParseBytes(ReadOnlySpan<byte> body, string? httpContentType)
    {
        try
        {
            var (text, encodingName) = FeedDecoding.Decode(body, httpContentType);
            var (xml, droppedCharacterCount) = XmlTextPreparation.Prepare(text);
            var (title, link, items) = FeedDocumentReader.Read(xml);
            return new ParsedFeed(title, link, items, encodingName, droppedCharacterCount);
        }
        catch (FeedParseException)
        {
            throw;
        }
        catch (XmlException e)
        {
            throw new FeedParseException($"XML error at line {e.LineNumber}, column {e.LinePosition}: {WithoutPosition(e.Message)}", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The contract is one exception type; anything else is still "this document could not be read".
            throw new FeedParseException("unreadable feed: " + e.Message, e);
        }
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex PositionSuffix();

    private static string WithoutPosition(string message) => PositionSuffix().Replace(message, "");
}
