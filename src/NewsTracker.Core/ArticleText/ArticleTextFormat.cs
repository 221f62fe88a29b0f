using System.Text;

namespace NewsTracker.Core.ArticleText;

/// <summary>
/// The app's article text format: paragraphs joined by "\n\n", whitespace inside a paragraph collapsed
/// to single spaces, nothing leading or trailing. Spans index into this text, so it must be built the same way everywhere.
/// </summary>
public static class ArticleTextFormat
{
    public const string ParagraphSeparator = "\n\n";

    /// <summary>Collapses every whitespace run (including no-break spaces) to one space and trims; drops zero-width characters.</summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        AppendCollapsed(sb, text, ref pendingSpace);
        return sb.ToString();
    }

    /// <summary>
    /// Appends <paramref name="text"/> with whitespace collapsed, continuing a paragraph already in <paramref name="sb"/>:
    /// a space is written only between words, never first or last. Returns how many non-space characters it appended.
    /// </summary>
    internal static int AppendCollapsed(StringBuilder sb, ReadOnlySpan<char> text, ref bool pendingSpace)
    {
        int visible = 0;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            // Zero-width spaces, soft hyphens and byte-order marks are invisible: they would split words for no reader.
            if (c is '\u200B' or '\uFEFF' or '\u00AD')
                continue;
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
            visible++;
        }
        return visible;
    }

    /// <summary>Joins already-collapsed paragraphs, skipping empty ones.</summary>
    public static string Join(IEnumerable<string> paragraphs) =>
        string.Join(ParagraphSeparator, paragraphs.Where(p => p.Length > 0));
}
