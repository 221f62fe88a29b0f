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

    public static IHtmlContent Render(string marked) =>
        new HtmlString(HtmlEncoder.Default.Encode(marked).Replace("&#x2;", "<mark>").Replace("&#x3;", "</mark>")
            .Replace(Start.ToString(), "<mark>").Replace(End.ToString(), "</mark>"));
}
