namespace NewsTracker.Web.Pages.Shared;

/// <summary>
/// <c>?p=</c> on the reader's pages: a page number from 1 to the last. Anything else is noted and the nearest page
/// shown, never an error (the JSON API, by contrast, answers 400).
/// </summary>
public static class PageNumber
{
    /// <summary>The page asked for; 1, with a note, when <paramref name="text"/> is given but is not a page number.</summary>
    public static int Parse(string? text, List<string> notes)
    {
        if (string.IsNullOrEmpty(text)) return 1;
        if (int.TryParse(text, out int n) && n >= 1) return n;
        notes.Add($"“{text}” is not a page number; showing the first page.");
        return 1;
    }

    /// <summary>The page, or the last one, with a note, when it is past the last.</summary>
    public static int Within(int page, int pageCount, List<string> notes)
    {
        if (page <= pageCount) return page;
        notes.Add($"There is no page {page}; showing the last page.");
        return pageCount;
    }
}

/// <summary>The links to the page before and after in a paged list (_Pager.cshtml): Newer/Older unless the list is in another order.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> UrlFor, string Label = "Pages", string Previous = "← Newer", string Next = "Older →");
