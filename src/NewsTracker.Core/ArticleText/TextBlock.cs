using AngleSharp.Dom;

namespace NewsTracker.Core.ArticleText;

internal enum BlockKind { Paragraph, Heading, ListItem }

/// <summary>
/// One paragraph of visible text as the HTML laid it out: its collapsed text, how many of its
/// non-space characters sit inside links (link-dense blocks are navigation, not prose) and how many links it has,
/// what kind of block held it,
/// the innermost block element that held it (null at the root), and the elements enclosing it that look like page
/// furniture by tag, role, class or id (such as "share-bar"), outermost first; and how many characters XML forbids
/// were dropped from its text.
/// </summary>
internal sealed record TextBlock(string Text, int LinkChars, int Links, BlockKind Kind, IElement? Owner, IElement[] Furniture, int DroppedCharacterCount = 0)
{
    /// <summary>Characters other than the single spaces between words.</summary>
    public int VisibleChars { get; } = Text.Length - Text.AsSpan().Count(' ');

    public double LinkDensity => VisibleChars == 0 ? 0 : (double)LinkChars / VisibleChars;
}
