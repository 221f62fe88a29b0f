using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsTracker.Core.ArticleText;

/// <summary>Turns a DOM subtree into its paragraphs of visible text, the way a browser would break them.</summary>
internal sealed partial class BlockCollector
{
    // Elements whose boundaries end a paragraph.
    static readonly HashSet<string> BlockTags =
    [
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul", "br",
    ];

    // Elements that never carry article prose: code, media, embedded documents and form controls.
    static readonly HashSet<string> InvisibleTags =
    [
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "canvas", "video",
        "audio", "select", "option", "button", "input", "textarea", "head", "title", "meta", "link", "label",
    ];

    [GeneratedRegex(@"\n[ \t\r\f]*\n")]
    private static partial Regex BlankLine();

    readonly bool blankLinesBreakParagraphs;
    readonly Func<IElement, bool>? isFurniture;
    readonly Action<IElement>? observe;
    readonly List<TextBlock> blocks = [];
    // The block being read, whitespace already collapsed; a space is owed when the next word comes.
    readonly StringBuilder current = new();
    bool pendingSpace;
    bool wordBoundary;
    int currentLinkChars;
    int currentLinks;
    int currentDroppedCharacters;
    int linkDepth;
    readonly Stack<(BlockKind Kind, IElement? Owner)> blockStack = new();
    readonly List<IElement> furniture = [];

    BlockCollector(bool blankLinesBreakParagraphs, Func<IElement, bool>? isFurniture, Action<IElement>? observe)
    {
        this.observe = observe;
        this.blankLinesBreakParagraphs = blankLinesBreakParagraphs;
        this.isFurniture = isFurniture;
        blockStack.Push((BlockKind.Paragraph, null));
    }

    /// <summary>
    /// The paragraphs under <paramref name="root"/>. Plain text carried in HTML (a feed description) separates
    /// paragraphs by blank lines, so <paramref name="blankLinesBreakParagraphs"/> honours them; real pages do not.
    /// Blocks under elements that <paramref name="isFurniture"/> accepts (share bars, comment sections) carry those
    /// elements, outermost first, instead of being dropped: whether they count depends on where the article turns out to be.
    /// <paramref name="observe"/> sees every element, invisible ones too, so metadata is read in the same walk.
    /// </summary>
    public static List<TextBlock> Collect(INode root, bool blankLinesBreakParagraphs, Func<IElement, bool>? isFurniture = null, Action<IElement>? observe = null)
    {
        var collector = new BlockCollector(blankLinesBreakParagraphs, isFurniture, observe);
        collector.Visit(root);
        collector.Flush();
        return collector.blocks;
    }

    void Visit(INode node)
    {
        // Indexing ChildNodes, not following NextSibling: AngleSharp finds a sibling by scanning the parent's children.
        var children = node.ChildNodes;
        for (int i = 0; i < children.Length; i++)
        {
            // NodeType first: a type test against AngleSharp's many-interface classes costs more than the call.
            var child = children[i];
            switch (child.NodeType)
            {
                case NodeType.Text:
                    AppendText(child.TextContent);
                    break;
                case NodeType.Element:
                    VisitElement((IElement)child);
                    break;
            }
        }
    }

    void VisitElement(IElement element)
    {
        observe?.Invoke(element);
        string tag = element.LocalName;
        if (InvisibleTags.Contains(tag) || element.HasAttribute("hidden"))
            return;
        bool isBlock = BlockTags.Contains(tag);
        bool isLink = tag == "a";
        bool isFurnitureElement = isFurniture?.Invoke(element) ?? false;
        if (isBlock || isFurnitureElement)
            Flush();
        if (isBlock)
            blockStack.Push((KindOf(tag, blockStack.Peek().Kind), element));
        if (isLink)
        {
            linkDepth++;
            currentLinks++;
            MarkWordBoundary();
        }
        if (isFurnitureElement)
            furniture.Add(element);
        Visit(element);
        if (isLink)
        {
            linkDepth--;
            MarkWordBoundary();
        }
        if (isBlock || isFurnitureElement)
            Flush();
        if (isFurnitureElement)
            furniture.RemoveAt(furniture.Count - 1);
        if (isBlock)
            blockStack.Pop();
    }

    static BlockKind KindOf(string tag, BlockKind outer) => tag switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dt" or "dd" => BlockKind.ListItem,
        "p" or "td" or "th" or "blockquote" => BlockKind.Paragraph,
        _ => outer,
    };

    void AppendText(string data)
    {
        if (!blankLinesBreakParagraphs)
        {
            Append(data);
            return;
        }
        var parts = BlankLine().Split(data);
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0)
                Flush();
            Append(parts[i]);
        }
    }

    // A link is a word of its own even when the page glues it to its neighbours, as Japanese and Chinese text
    // do ("ソフト<a>KeePass</a>の"): a space goes between letters or digits that meet at a link's edge.
    void MarkWordBoundary()
    {
        if (current.Length > 0 && char.IsLetterOrDigit(current[^1]))
            wordBoundary = true;
    }

    void Append(string data)
    {
        if (wordBoundary && data.Length > 0)
        {
            wordBoundary = char.IsWhiteSpace(data[0]);
            if (char.IsLetterOrDigit(data[0]))
                pendingSpace = true;
        }
        int visible = ArticleTextFormat.AppendCollapsed(current, data, ref pendingSpace, ref currentDroppedCharacters);
        if (linkDepth > 0)
            currentLinkChars += visible;
    }

    void Flush()
    {
        if (current.Length > 0)
        {
            var (kind, owner) = blockStack.Peek();
            blocks.Add(new TextBlock(current.ToString(), currentLinkChars, currentLinks, kind, owner, furniture.Count == 0 ? [] : [.. furniture], currentDroppedCharacters));
        }
        current.Clear();
        pendingSpace = false;
        wordBoundary = false;
        currentLinkChars = 0;
        currentLinks = 0;
        currentDroppedCharacters = 0;
    }
}
