using System.Xml;

namespace NewsTracker.Core.Feeds;

/// <summary>One feed in an OPML subscription list.</summary>
public sealed record OpmlFeed(string Url, string? Title);

/// <summary>OPML 1.0/2.0 subscription lists, the format every feed reader imports and exports.</summary>
public static class Opml
{
    /// <summary>Every outline with an xmlUrl, at any depth (folders are flattened). DTDs are refused, as for feeds.</summary>
    public static IReadOnlyList<OpmlFeed> Parse(Stream opml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        var feeds = new List<OpmlFeed>();
        try
        {
            using var reader = XmlReader.Create(opml, settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "opml")
                throw new FeedParseException("not an OPML file: its root element is not <opml>");
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "outline") continue;
                string? url = reader.GetAttribute("xmlUrl")?.Trim();
                if (string.IsNullOrEmpty(url)) continue;
                string? title = reader.GetAttribute("title") ?? reader.GetAttribute("text");
                feeds.Add(new OpmlFeed(url, string.IsNullOrWhiteSpace(title) ? null : title.Trim()));
            }
        }
        catch (XmlException e)
        {
            throw new FeedParseException(e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "the OPML file has a DTD, which is not allowed"
                : $"XML error at line {e.LineNumber}, column {e.LinePosition}: {e.Message}", e);
        }
        return feeds;
    }

    public static void Write(Stream output, string title, IEnumerable<OpmlFeed> feeds)
    {
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        writer.WriteStartDocument();
        writer.WriteStartElement("opml");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteStartElement("head");
        writer.WriteElementString("title", XmlChars.Valid(title));
        writer.WriteEndElement();
        writer.WriteStartElement("body");
        foreach (var feed in feeds)
        {
            writer.WriteStartElement("outline");
            writer.WriteAttributeString("type", "rss");
            writer.WriteAttributeString("text", XmlChars.Valid(feed.Title ?? feed.Url));
            if (feed.Title is not null) writer.WriteAttributeString("title", XmlChars.Valid(feed.Title));
            writer.WriteAttributeString("xmlUrl", XmlChars.Valid(feed.Url));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }
}
