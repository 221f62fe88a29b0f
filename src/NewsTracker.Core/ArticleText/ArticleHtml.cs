using AngleSharp.Html.Parser;

namespace NewsTracker.Core.ArticleText;

/// <summary>Article text (see <see cref="ArticleTextFormat"/>) from the HTML of a feed item or of a whole page.</summary>
public static class ArticleHtml
{
    // The parser keeps no per-document state, so one instance serves every call.
    static readonly HtmlParser Parser = new();

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
}
