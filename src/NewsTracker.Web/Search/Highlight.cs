using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace NewsTracker.Web.Search;

/// <summary>
/// Search results mark matches with two control characters (which HTML text never contains); the text is
/// HTML-encoded first and only then are the markers turned into &lt;mark&gt;, so stored text can never inject markup.
/// </summary>
public static class Highlight
{
    public const char Start = '\u0002', End = '\u0003';

    /// <summary>Marks every occurrence of the words (case-insensitive) in text, as FTS5's highlight() does.</summary>
    public static string Mark(string text, IReadOnlyList<string> words)
    {
        if (words.Count == 0) return text;
        var pattern = new System.Text.RegularExpressions.Regex(string.Join('|', words.Select(System.Text.RegularExpressions.Regex.Escape)),
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return pattern.Replace(text, m => $"{Start}{m.Value}{End}");
    }

    /// <summary>About <paramref name="length"/> characters of text around the first match, marked, as FTS5's snippet() does.</summary>
    public static string Snippet(string text, IReadOnlyList<string> words, int length = 240)
    {
        int first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        int start = Math.Max(0, first - length / 3);
        int end = Math.Min(text.Length, start + length);
        return (start > 0 ? "…" : "") + Mark(text[start..end], words) + (end < text.Length ? "…" : "");
    }

    public static IHtmlContent Render(string marked) =>
        new HtmlString(HtmlEncoder.Default.Encode(marked).Replace("&#x2;", "<mark>").Replace("&#x3;", "</mark>")
            .Replace(Start.ToString(), "<mark>").Replace(End.ToString(), "</mark>"));
}
