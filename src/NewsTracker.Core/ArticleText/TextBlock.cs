using AngleSharp.Dom;

namespace NewsTracker.Core.ArticleText;

internal enum BlockKind { Paragraph, Heading, ListItem }

/// <summary>
/// One paragraph of visible text as the HTML laid it out: its collapsed text, how many of its
/// non-space characters sit inside links (link-dense blocks are navigation, not prose), what kind of block held it,
/// the innermost block element that held it (null at the root), and whether an element marked as page furniture
/// (by its class or id, such as "share-bar") encloses it.
/// </summary>
internal sealed record TextBlock(string Text, int LinkChars, BlockKind Kind, IElement? Owner = null, bool InFurniture = false)
{
    public double LinkDensity
    {
        get
        {
            int visible = Text.Length - Text.AsSpan().Count(' ');
            return visible == 0 ? 0 : (double)LinkChars / visible;
        }
    }
}
