namespace NewsTracker.Web.Ingestion;

/// <summary>
/// The longest title, author and text an article is stored with. A feed can put megabytes into any field, and every
/// page, search result and API answer that shows the field would carry them; real articles stay far below these.
/// A cut field ends with an ellipsis, so a reader sees it was cut, and the cut is logged with the item.
/// </summary>
public static class StoredFieldLimits
{
    public const int Title = 500;
    public const int Author = 200;
    /// <summary>Characters of article text: cut before extraction, so that every fact's span lies within what is stored.</summary>
    public const int Text = 200_000;

    /// <summary>The value, or its first <paramref name="max"/> characters at most, cut after the last whole word and marked with an ellipsis.</summary>
    public static string Cut(string value, int max, out bool cut)
    {
        cut = value.Length > max;
        if (!cut) return value;
        int end = max - 1;
        int space = value.LastIndexOfAny([' ', '\n'], end - 1, Math.Min(end, 200));
        if (space > 0) end = space;
        if (end > 0 && char.IsHighSurrogate(value[end - 1])) end--;
        return value[..end].TrimEnd() + "…";
    }
}
