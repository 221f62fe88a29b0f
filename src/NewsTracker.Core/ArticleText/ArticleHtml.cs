using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsTracker.Core.ArticleText;

/// <summary>Article text (see <see cref="ArticleTextFormat"/>) from the HTML of a feed item or of a whole page.</summary>
public static class ArticleHtml
{
    // Less text than this from a whole page means the article was not in its HTML.
    const int MinPageTextChars = 200;

    // The parser keeps no per-document state, so one instance serves every call. Source positions, comments and
    // the contents of style elements are never read, so the parser does not build them (a few percent of a parse).
    // Its context has no attribute observer: the default one reacts to attributes as a browser would (a
    // stylesheet link starts loading its sheet, a frame its source, URLs are parsed), which a text extractor never uses.
    static readonly HtmlParser Parser = new(new HtmlParserOptions
    {
        DisableElementPositionTracking = true,
        SkipComments = true,
        SkipRawText = true,
    }, BrowsingContext.New(Configuration.Default.Without<IAttributeObserver>()));

    /// <summary>
    /// The article text of a feed item's HTML (content:encoded, description, Atom content/summary): a fragment of
    /// paragraphs, or plain text with entities and blank lines between paragraphs. Boilerplate paragraphs are dropped.
    /// </summary>
    public static string FragmentToText(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return "";
        var document = Parser.ParseDocument(html);
        var blocks = BlockCollector.Collect(document.Body ?? (AngleSharp.Dom.INode)document, blankLinesBreakParagraphs: true);
        return ArticleTextFormat.Join(BoilerplateFilter.Keep(blocks).Select(b => b.Text));
    }

    /// <summary>
    /// The main article of a whole page: its text without navigation, headers, footers, share bars, comments,
    /// related lists, notices and the title, plus the page's metadata. <paramref name="pageUrl"/> resolves a relative canonical link.
    /// </summary>
    public static ExtractedPage ExtractPage(string html, string? pageUrl = null)
    {
        var document = Parser.ParseDocument(html);
        var metadataReader = new PageMetadata.Reader();
        metadataReader.ObserveTree(document.Head);
        var blocks = document.Body is { } body ? MainContent.Find(body, metadataReader.Observe) : [];
        var metadata = metadataReader.Finish(pageUrl);
        // The title is not part of the article text, though the article's container often starts with it.
        var paragraphs = blocks.SkipWhile(b => b.Text == metadata.Headline || b.Text == metadata.Title).ToList();
        string text = ArticleTextFormat.Join(paragraphs.Select(b => b.Text));
        int dropped = paragraphs.Sum(b => b.DroppedCharacterCount);
        // A page that renders its article with script has little text in its HTML; its JSON-LD may still carry the body.
        if (text.Length < MinPageTextChars && metadataReader.JsonLd()?.ArticleBody is { } articleBody && articleBody.Length > text.Length)
        {
            dropped = 0;
            text = ArticleTextFormat.Join(articleBody.Split('\n').Select(line =>
            {
                string collapsed = ArticleTextFormat.CollapseWhitespace(line, out int droppedFromLine);
                dropped += droppedFromLine;
                return collapsed;
            }).ToList());
        }
        return new ExtractedPage(metadata.Title, text, metadata.CanonicalUrl, metadata.Published, metadata.Author, dropped);
    }
}
