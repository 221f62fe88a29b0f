using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace NewsTracker.Core.Feeds;

/// <summary>
/// The XML walk behind <see cref="FeedParser"/>. RSS and Atom share one reader: elements are recognised by
/// vocabulary (namespace) and local name, so an atom:link inside an RSS item or a dc:creator inside an Atom
/// entry is understood too. Every Read method starts on an element's start tag and leaves the reader just past
/// that element's end.
/// </summary>
internal sealed partial class FeedDocumentReader
{
    private enum Vocabulary { Rss, Atom, DublinCore, DcTerms, Content, Xhtml, Other }

    private const string RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Channels nest at most a level or two; a hostile document nesting thousands must not exhaust the stack.</summary>
    private const int MaxContainerDepth = 4;

    private readonly XmlReader reader;
    private readonly Vocabulary unqualified;
    private readonly List<FeedItem> items = [];

    /// <summary>Reused for element text and markup; the Read methods that use it never nest.</summary>
    private readonly StringBuilder scratch = new();
    private string? feedTitle;
    private string? feedLink;
    private Uri? feedLinkUri;

    private FeedDocumentReader(XmlReader reader, Vocabulary unqualified)
    {
        this.reader = reader;
        this.unqualified = unqualified;
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        // Prohibit: a DTD is refused outright (the prolog check has already blanked harmless DOCTYPEs).
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Real feeds contain stray control characters; refusing the whole feed for one is not useful.
        CheckCharacters = false,
    };

    /// <summary>
    /// Prefixes feeds often use without declaring them (an XML error otherwise), bound to their usual
    /// namespaces; a document's own declarations still take precedence.
    /// </summary>
    private static readonly (string Prefix, string Namespace)[] CustomaryPrefixes =
    [
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("content", "http://purl.org/rss/1.0/modules/content/"),
        ("atom", "http://www.w3.org/2005/Atom"),
        ("rdf", RdfNamespace),
        ("xhtml", "http://www.w3.org/1999/xhtml"),
        ("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
        ("media", "http://search.yahoo.com/mrss/"),
        ("slash", "http://purl.org/rss/1.0/modules/slash/"),
        ("wfw", "http://wellformedweb.org/CommentAPI/"),
        ("sy", "http://purl.org/rss/1.0/modules/syndication/"),
        ("georss", "http://www.georss.org/georss"),
    ];

    private static XmlParserContext CustomaryPrefixContext()
    {
        var names = new NameTable();
        var namespaces = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in CustomaryPrefixes)
            namespaces.AddNamespace(prefix, uri);
        return new XmlParserContext(names, namespaces, xmlLang: null, XmlSpace.None);
    }

    public static (string? Title, string? Link, IReadOnlyList<FeedItem> Items) Read(string xml)
    {
        using var stringReader = new StringReader(xml);
        using var reader = XmlReader.Create(stringReader, Settings, CustomaryPrefixContext());
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element)
            throw new FeedParseException("empty document");

        var root = reader.LocalName;
        Vocabulary? unqualified = root switch
        {
            "rss" or "channel" => Vocabulary.Rss,
            "RDF" when reader.NamespaceURI == RdfNamespace => Vocabulary.Rss,
            "feed" => Vocabulary.Atom,
            _ => null,
        };
        if (unqualified is null)
        {
            throw new FeedParseException(root.Equals("html", StringComparison.OrdinalIgnoreCase)
                ? "not a feed: the document is HTML"
                : $"not a feed: the root element is <{reader.Name}>");
        }
        var document = new FeedDocumentReader(reader, unqualified.Value);
        document.ReadContainer(baseUri: null);
        return (Mojibake.Repair(document.feedTitle), document.feedLink, document.items);
    }

    private Vocabulary VocabularyOf(string namespaceUri) => namespaceUri switch
    {
        "" => unqualified,
        "http://purl.org/rss/1.0/" or "http://my.netscape.com/rdf/simple/0.9/"
            or "http://backend.userland.com/rss2" or "http://backend.userland.com/rss" => Vocabulary.Rss,
        "http://www.w3.org/2005/Atom" or "http://purl.org/atom/ns#" => Vocabulary.Atom,
        "http://purl.org/dc/elements/1.1/" => Vocabulary.DublinCore,
        "http://purl.org/dc/terms/" => Vocabulary.DcTerms,
        "http://purl.org/rss/1.0/modules/content/" => Vocabulary.Content,
        "http://www.w3.org/1999/xhtml" => Vocabulary.Xhtml,
        _ => Vocabulary.Other,
    };

    /// <summary>
    /// The feed root, an RSS channel or an RDF root: feed title and link, and the items, which RSS 2.0 nests in
    /// the channel while RSS 1.0/0.90 puts them beside it.
    /// </summary>
    private void ReadContainer(Uri? baseUri)
    {
        var elementBase = BaseOf(baseUri);
        foreach (var (vocabulary, name) in Children())
        {
            switch (vocabulary, name)
            {
                case (Vocabulary.Rss, "channel") when reader.Depth < MaxContainerDepth:
                    ReadContainer(elementBase);
                    break;
                case (Vocabulary.Rss, "item") or (Vocabulary.Atom, "entry"):
                    items.Add(ReadItem(elementBase));
                    break;
                case (Vocabulary.Rss or Vocabulary.DublinCore, "title") when feedTitle is null:
                    feedTitle = NullIfEmpty(ReadText());
                    break;
                case (Vocabulary.Atom, "title") when feedTitle is null:
                    feedTitle = NullIfEmpty(ReadTextConstruct());
                    break;
                case (Vocabulary.Rss, "link") when feedLink is null:
                    SetFeedLink(Resolve(BaseOf(elementBase), ReadText()));
                    break;
                case (Vocabulary.Atom, "link") when feedLink is null:
                    SetFeedLink(ReadAtomAlternateLink(elementBase));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private void SetFeedLink(string? link)
    {
        feedLink = link;
        feedLinkUri = link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>Collects an item's fields; the first occurrence of each text wins, dates go by source preference.</summary>
    private sealed class ItemFields
    {
        public string? Id, RdfAbout, Title, Link, GuidLink, Author, Summary, SecondSummary, Content;
        public DatedValue Published, Updated;
    }

    /// <summary>
    /// A date and the preference rank of the element it came from (lower is better); a repeated element of
    /// the same rank overrides, as in feedparser.
    /// </summary>
    private struct DatedValue
    {
        private int rank;
        public DateTimeOffset? Value { get; private set; }

        public void Offer(string text, int sourceRank)
        {
            if (Value is not null && rank < sourceRank)
                return;
            if (FeedDates.TryParse(text, out var parsed))
            {
                Value = parsed;
                rank = sourceRank;
            }
        }
    }

    private FeedItem ReadItem(Uri? baseUri)
    {
        var fields = new ItemFields { RdfAbout = reader.GetAttribute("about", RdfNamespace) };
        var elementBase = BaseOf(baseUri);
        foreach (var (vocabulary, name) in Children())
        {
            switch (vocabulary, name)
            {
                case (Vocabulary.Rss or Vocabulary.DublinCore, "title"):
                    KeepFirst(ref fields.Title, NullIfEmpty(ReadText()));
                    break;
                case (Vocabulary.Atom, "title"):
                    KeepFirst(ref fields.Title, NullIfEmpty(ReadTextConstruct()));
                    break;
                case (Vocabulary.Rss, "link"):
                    KeepFirst(ref fields.Link, Resolve(BaseOf(elementBase), ReadText()));
                    break;
                case (Vocabulary.Atom, "link"):
                    KeepFirst(ref fields.Link, ReadAtomAlternateLink(elementBase));
                    break;
                case (Vocabulary.Rss, "guid"):
                    ReadGuid(fields);
                    break;
                case (Vocabulary.Atom, "id"):
                    KeepFirst(ref fields.Id, NullIfEmpty(ReadText()));
                    break;
                case (Vocabulary.Rss, "description") or (Vocabulary.Rss, "summary") or (Vocabulary.DublinCore, "description"):
                    OfferSummary(fields, ReadText());
                    break;
                case (Vocabulary.Atom, "summary"):
                    OfferSummary(fields, ReadTextConstruct());
                    break;
                case (Vocabulary.Content, "encoded") or (Vocabulary.Rss, "fullitem"):
                    KeepFirst(ref fields.Content, NullIfEmpty(ReadText()));
                    break;
                case (Vocabulary.Atom, "content"):
                    KeepFirst(ref fields.Content, NullIfEmpty(ReadTextConstruct()));
                    break;
                case (Vocabulary.Xhtml, "body"):
                    KeepFirst(ref fields.Content, NullIfEmpty(ReadMarkup()));
                    break;
                case (Vocabulary.Rss, "author") or (Vocabulary.DublinCore, "creator" or "author"):
                    KeepFirst(ref fields.Author, PersonName(ReadText()));
                    break;
                case (Vocabulary.Atom, "author"):
                    KeepFirst(ref fields.Author, ReadAtomPersonName());
                    break;
                case (Vocabulary.Rss, "pubDate"):
                    fields.Published.Offer(ReadText(), 0);
                    break;
                case (Vocabulary.Atom, "published") or (Vocabulary.DcTerms, "issued"):
                    fields.Published.Offer(ReadText(), 1);
                    break;
                case (Vocabulary.Atom, "issued"):
                    // Atom 0.3's name for published; Atom 1.0 "published" wins over it when both are present.
                    fields.Published.Offer(ReadText(), 2);
                    break;
                case (Vocabulary.DublinCore, "date"):
                {
                    var text = ReadText();
                    fields.Published.Offer(text, 3);
                    fields.Updated.Offer(text, 2);
                    break;
                }
                case (Vocabulary.Atom, "created") or (Vocabulary.DcTerms, "created"):
                    fields.Published.Offer(ReadText(), 4);
                    break;
                case (Vocabulary.Atom, "updated") or (Vocabulary.DcTerms, "modified"):
                    fields.Updated.Offer(ReadText(), 0);
                    break;
                case (Vocabulary.Atom, "modified"):
                    fields.Updated.Offer(ReadText(), 1);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return new FeedItem(
            Id: fields.Id ?? fields.RdfAbout,
            Title: Mojibake.Repair(fields.Title),
            Link: fields.Link ?? fields.GuidLink,
            Published: fields.Published.Value ?? fields.Updated.Value,
            Author: Mojibake.Repair(fields.Author),
            Summary: Mojibake.Repair(fields.Summary),
            // A second description-like element is kept as content rather than lost.
            Content: Mojibake.Repair(fields.Content ?? fields.SecondSummary),
            Updated: fields.Updated.Value);
    }

    private static void OfferSummary(ItemFields fields, string text)
    {
        if (NullIfEmpty(text) is not { } summary)
            return;
        if (fields.Summary is null)
            fields.Summary = summary;
        else if (summary != fields.Summary)
            fields.SecondSummary ??= summary;
    }

    private void ReadGuid(ItemFields fields)
    {
        bool isPermaLink = !string.Equals(reader.GetAttribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var guid = NullIfEmpty(ReadText());
        if (guid is null || fields.Id is not null)
            return;
        fields.Id = guid;
        // A permalink guid doubles as the link, but only when it is a web address.
        if (isPermaLink && IsWebAddress(guid))
            fields.GuidLink = guid;
    }

    /// <summary>The href of an Atom link if it is the alternate (or unlabelled) one; null otherwise.</summary>
    private string? ReadAtomAlternateLink(Uri? parentBase)
    {
        var rel = reader.GetAttribute("rel")?.Trim();
        var href = reader.GetAttribute("href");
        var elementBase = BaseOf(parentBase);
        // Some writers put the address in the element's text instead of href.
        var text = ReadText();
        if (!string.IsNullOrEmpty(rel) && rel != "alternate" && rel != "http://www.iana.org/assignments/relation/alternate")
            return null;
        return Resolve(elementBase, string.IsNullOrWhiteSpace(href) ? text : href);
    }

    private string? ReadAtomPersonName()
    {
        string? name = null, email = null;
        foreach (var (vocabulary, childName) in Children())
        {
            switch (vocabulary, childName)
            {
                case (Vocabulary.Atom, "name"):
                    KeepFirst(ref name, NullIfEmpty(ReadText()));
                    break;
                case (Vocabulary.Atom, "email"):
                    KeepFirst(ref email, NullIfEmpty(ReadText()));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return name ?? email;
    }

    [GeneratedRegex(@"(?:mailto:)?[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex EmailAddress();

    /// <summary>
    /// The display name from RSS author forms: "Name", "me@example.com (Name)", "Name &lt;me@example.com&gt;",
    /// "Name (me@example.com)"; a bare address stays as it is.
    /// </summary>
    private static string? PersonName(string text)
    {
        var trimmed = NullIfEmpty(text);
        if (trimmed is null)
            return null;
        var email = EmailAddress().Match(trimmed);
        if (!email.Success)
            return trimmed;
        var rest = (trimmed[..email.Index] + trimmed[(email.Index + email.Length)..]).Replace("()", "").Replace("<>", "").Trim();
        if (rest.StartsWith('(') && rest.EndsWith(')'))
            rest = rest[1..^1].Trim();
        return rest.Length > 0 ? rest : email.Value;
    }

    /// <summary>
    /// Atom text constructs and content: text and html are the element's text (any stray wrapper elements
    /// dropped); xhtml and XML media types are the markup inside; other media types are base64 (RFC 4287 4.1.3.3).
    /// Atom 0.3's mode="base64|escaped|xml" is honoured too.
    /// </summary>
    private string ReadTextConstruct()
    {
        var type = reader.GetAttribute("type")?.Trim().ToLowerInvariant() ?? "";
        var mode = reader.GetAttribute("mode")?.Trim().ToLowerInvariant();
        if (mode == "base64")
            return DecodeBase64(ReadText());
        if (type is "xhtml" or "application/xhtml+xml" || type.EndsWith("/xml", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal) || mode == "xml")
            return ReadMarkup(unwrapXhtmlDiv: true);
        if (type is "" or "text" or "html" || type.StartsWith("text/", StringComparison.Ordinal) || mode == "escaped")
            return ReadStringValue();
        return DecodeBase64(ReadText());
    }

    private static string DecodeBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out int length)
            ? Encoding.UTF8.GetString(buffer, 0, length)
            : text;
    }

    /// <summary>An element's text; if it holds child elements (naked markup), its markup.</summary>
    private string ReadText()
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        int depth = reader.Depth;
        reader.Read();
        string? single = null;
        StringBuilder? text = null;
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null && text is null)
                        single = reader.Value;
                    else
                        (text ??= new StringBuilder(single)).Append(reader.Value);
                    reader.Read();
                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    reader.Read();
                    return text?.ToString() ?? single ?? "";
                case XmlNodeType.Element:
                    var markup = scratch.Clear();
                    AppendEscaped(markup, text?.ToString() ?? single ?? "");
                    WriteChildrenAsMarkup(markup, depth);
                    return markup.ToString();
                case XmlNodeType.None:
                    return text?.ToString() ?? single ?? "";
                default:
                    reader.Read();
                    break;
            }
        }
    }

    /// <summary>All descendant text of the element, tags dropped.</summary>
    private string ReadStringValue()
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        int depth = reader.Depth;
        var text = scratch.Clear();
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                text.Append(reader.Value);
        }
        reader.Read();
        return text.ToString();
    }

    /// <summary>
    /// The element's content as HTML markup; with <paramref name="unwrapXhtmlDiv"/>, the Atom xhtml:div wrapper
    /// is left out (the whitespace around it goes when the caller trims).
    /// </summary>
    private string ReadMarkup(bool unwrapXhtmlDiv = false)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        int depth = reader.Depth;
        reader.Read();
        var markup = scratch.Clear();
        WriteChildrenAsMarkup(markup, depth, unwrapXhtmlDiv);
        return markup.ToString();
    }

    /// <summary>Writes nodes until the end tag at <paramref name="parentDepth"/>, which it consumes.</summary>
    private void WriteChildrenAsMarkup(StringBuilder markup, int parentDepth, bool unwrapXhtmlDiv = false)
    {
        bool unwrapped = false;
        int wrapperDepth = -1;
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == parentDepth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (unwrapXhtmlDiv && !unwrapped && reader.Depth == parentDepth + 1 && reader.LocalName == "div" && VocabularyOf(reader.NamespaceURI) == Vocabulary.Xhtml && !reader.IsEmptyElement)
                    {
                        unwrapped = true;
                        wrapperDepth = reader.Depth;
                        break;
                    }
                    WriteStartTag(markup);
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Depth == wrapperDepth)
                        wrapperDepth = -1;
                    else
                        markup.Append("</").Append(MarkupName()).Append('>');
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    AppendEscaped(markup, reader.Value);
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    markup.Append(reader.Value);
                    break;
            }
            reader.Read();
        }
        reader.Read();
    }

    private void WriteStartTag(StringBuilder markup)
    {
        markup.Append('<').Append(MarkupName());
        bool empty = reader.IsEmptyElement;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix == "xmlns" || (reader.LocalName == "xmlns" && reader.Prefix.Length == 0))
                    continue;
                markup.Append(' ').Append(reader.Name).Append("=\"");
                AppendEscaped(markup, reader.Value, escapeQuote: true);
                markup.Append('"');
            } while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        markup.Append(empty ? " />" : ">");
    }

    /// <summary>XHTML and unqualified elements by local name, as HTML knows them; others keep their prefix.</summary>
    private string MarkupName() =>
        reader.Prefix.Length == 0 || VocabularyOf(reader.NamespaceURI) == Vocabulary.Xhtml ? reader.LocalName : reader.Name;

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"");

    private static void AppendEscaped(StringBuilder markup, string text, bool escapeQuote = false)
    {
        var specials = escapeQuote ? AttributeSpecials : TextSpecials;
        var rest = text.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(specials)) >= 0)
        {
            markup.Append(rest[..next]).Append(rest[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            rest = rest[(next + 1)..];
        }
        markup.Append(rest);
    }

    /// <summary>
    /// The child elements of the current element, as (vocabulary, local name), with the reader on each child's
    /// start tag. The loop body must consume the child (read or skip it). Ends past the parent's end tag.
    /// </summary>
    private IEnumerable<(Vocabulary Vocabulary, string Name)> Children()
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }
        int depth = reader.Depth;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                reader.Read();
                yield break;
            }
            if (reader.NodeType == XmlNodeType.Element)
                yield return (VocabularyOf(reader.NamespaceURI), reader.LocalName);
            else
                reader.Read();
        }
    }

    /// <summary>The base URI in scope for the current element: its xml:base resolved against the parent's.</summary>
    private Uri? BaseOf(Uri? parentBase)
    {
        var xmlBase = reader.GetAttribute("base", XmlNamespace);
        if (string.IsNullOrWhiteSpace(xmlBase))
            return parentBase;
        return TryResolve(parentBase, xmlBase.Trim(), out var resolved) ? resolved : parentBase;
    }

    /// <summary>A link made absolute against xml:base, else the feed's own link; left as written when neither helps.</summary>
    private string? Resolve(Uri? elementBase, string? link)
    {
        var trimmed = NullIfEmpty(link);
        if (trimmed is null || IsAbsolute(trimmed))
            return trimmed; // as written: Uri would normalise case and escaping
        return TryResolve(elementBase ?? feedLinkUri, trimmed, out var resolved) ? resolved.AbsoluteUri : trimmed;
    }

    private static bool IsWebAddress(string reference) =>
        reference.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || reference.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    // On Unix "/path" parses as an absolute file URI; in a feed it is a relative reference.
    // Web addresses, nearly every link, are recognised without the cost of parsing a Uri.
    private static bool IsAbsolute(string reference) =>
        IsWebAddress(reference)
        || (Uri.TryCreate(reference, UriKind.Absolute, out var uri) && !(uri.IsFile && !reference.StartsWith("file:", StringComparison.OrdinalIgnoreCase)));

    private static bool TryResolve(Uri? baseUri, string reference, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? resolved)
    {
        if (IsAbsolute(reference))
            return Uri.TryCreate(reference, UriKind.Absolute, out resolved);
        resolved = null;
        return baseUri is not null && Uri.TryCreate(baseUri, reference, out resolved);
    }

    /// <summary>Keeps the first value; a plain ??= would skip reading the element and leave it unconsumed.</summary>
    private static void KeepFirst(ref string? field, string? value) => field ??= value;

    private static string? NullIfEmpty(string? text)
    {
        if (text is null)
            return null;
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
