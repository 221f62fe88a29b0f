using System.Buffers;
using System.Text;

namespace NewsTracker.Core.ArticleText;

/// <summary>
/// The app's article text format: paragraphs joined by "\n\n", whitespace inside a paragraph collapsed
/// to single spaces, nothing leading or trailing, and no character XML 1.0 forbids (the text is served as XML in the
/// timeline's Atom feed). Spans index into this text, so it must be built the same way everywhere.
/// </summary>
public static class ArticleTextFormat
{
    public const string ParagraphSeparator = "\n\n";

    /// <summary>
    /// Collapses every whitespace run (including no-break spaces) to one space and trims; drops zero-width characters
    /// and the characters XML forbids.
    /// </summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> text) => CollapseWhitespace(text, out _);

    /// <inheritdoc cref="CollapseWhitespace(ReadOnlySpan{char})"/>
    /// <param name="droppedCharacterCount">How many characters XML forbids were dropped.</param>
    public static string CollapseWhitespace(ReadOnlySpan<char> text, out int droppedCharacterCount)
    {
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        droppedCharacterCount = 0;
        AppendCollapsed(sb, text, ref pendingSpace, ref droppedCharacterCount);
        return sb.ToString();
    }

    /// <summary>
    /// Appends <paramref name="text"/> with whitespace collapsed, continuing a paragraph already in <paramref name="sb"/>:
    /// a space is written only between words, never first or last. Returns how many non-space characters it appended;
    /// adds the characters XML forbids that it dropped to <paramref name="droppedCharacterCount"/>.
    /// </summary>
    internal static int AppendCollapsed(StringBuilder sb, ReadOnlySpan<char> text, ref bool pendingSpace, ref int droppedCharacterCount)
    {
        // Runs between spaces are appended whole, found by a vectorised search: a char at a time was most of the cost.
        int visible = 0;
        while (true)
        {
            int stop = text.IndexOfAny(SpaceOrInvisible);
            var run = stop < 0 ? text : text[..stop];
            if (run.Length > 0)
            {
                if (pendingSpace)
                {
                    sb.Append(' ');
                    pendingSpace = false;
                }
                sb.Append(run);
                visible += run.Length;
            }
            if (stop < 0) return visible;
            // Zero-width spaces, soft hyphens and byte-order marks are invisible: they would split words for no reader.
            char stopChar = text[stop];
            if (char.IsWhiteSpace(stopChar))
                pendingSpace = sb.Length > 0;
            else if (stopChar < '\u0020' || stopChar >= '\uFFFE')
                droppedCharacterCount++;
            text = text[(stop + 1)..];
        }
    }

    /// <summary>
    /// Every char that <see cref="char.IsWhiteSpace(char)"/> calls white space, and the ones that are dropped: the
    /// invisible ones, and those XML forbids (C0 controls that are not white space, U+FFFE, U+FFFF). Lone surrogates
    /// are not looked for: decoders and the HTML parser turn them into U+FFFD, and a search for every surrogate
    /// would stop at each half of every pair.
    /// </summary>
    static readonly SearchValues<char> SpaceOrInvisible = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || c < '\u0020'),
         '\u200B', '\uFEFF', '\u00AD', '\uFFFE', '\uFFFF']);

    /// <summary>Joins already-collapsed paragraphs, skipping empty ones.</summary>
    public static string Join(IEnumerable<string> paragraphs) =>
        string.Join(ParagraphSeparator, paragraphs.Where(p => p.Length > 0));
}
