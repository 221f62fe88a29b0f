using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsTracker.Core.ArticleText;

/// <summary>
/// What an element's tag, role, class and id say about it: page furniture (navigation, share bars, comments,
/// related lists, notices) or a likely article container. Readability-style hints, no per-site rules.
/// </summary>
internal static partial class PageFurniture
{
    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Names of furniture that never hold the article, whatever else the class says.
    [GeneratedRegex(@"comment|disqus|share|sharing|social|related|recommend|newsletter|subscri|signup|sign-up|cookie|consent|gdpr|outbrain|taboola|advert|sponsor|promo|sidebar|breadcrumb|pagination|pager|popup|modal|paywall|most-?popular|most-?read|trending|read-?more|more-?stories|skip-?link|sr-only|screen-?reader|visually-?hidden|print-?only|byline|author-?(?:bio|info|box)|(?:^|[-_])tags?(?:$|[-_])|tag-?list|tagcloud|caption|credit|timestamp|dateline", Options)]
    private static partial Regex StrongFurniture();

    // Names of furniture that an article container may also carry ("article-header"): only furniture when no content word is there too.
    [GeneratedRegex(@"(?:^|[-_])(?:nav|navbar|navigation|menu|header|footer|masthead|banner|widget|toolbar|ads?|ad-slot|meta|rating|utility|tools)(?:$|[-_])", Options)]
    private static partial Regex WeakFurniture();

    [GeneratedRegex(@"article|body|content|entry|main|post|story|text|blog|news", Options)]
    private static partial Regex ContentName();

    // Layout modifiers such as "has-sidebar" describe the element's neighbours, not the element.
    [GeneratedRegex(@"^(?:has|with|no|show|hide|without)-", Options)]
    private static partial Regex LayoutModifier();

    static readonly HashSet<string> FurnitureTags = ["nav", "footer", "aside", "header", "menu"];

    static readonly HashSet<string> FurnitureRoles = ["navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "alert", "alertdialog", "dialog", "search"];

    public static bool IsFurniture(IElement element)
    {
        string tag = element.LocalName;
        if (tag is "body" or "html" or "article" or "main")
            return false;
        if (FurnitureTags.Contains(tag))
            return true;
        string? role = element.GetAttribute("role");
        if (role is not null && FurnitureRoles.Contains(role))
            return true;
        if (element.GetAttribute("aria-hidden") == "true" || IsHiddenByStyle(element))
            return true;
        bool weak = false, content = false;
        foreach (string name in Names(element))
        {
            if (LayoutModifier().IsMatch(name))
                continue;
            if (StrongFurniture().IsMatch(name))
                return true;
            weak |= WeakFurniture().IsMatch(name);
            content |= ContentName().IsMatch(name);
        }
        return weak && !content;
    }

    /// <summary>+1 for a name that says "content", −1 for one that says "furniture", 0 otherwise.</summary>
    public static int NameWeight(IElement element)
    {
        int weight = 0;
        foreach (string name in Names(element))
        {
            if (LayoutModifier().IsMatch(name))
                continue;
            if (ContentName().IsMatch(name))
                weight = Math.Max(weight, 1);
            if (StrongFurniture().IsMatch(name) || WeakFurniture().IsMatch(name))
                return -1;
        }
        return weight;
    }

    static IEnumerable<string> Names(IElement element)
    {
        string? id = element.Id;
        if (!string.IsNullOrEmpty(id))
            yield return id;
        string? classes = element.GetAttribute("class");
        if (string.IsNullOrEmpty(classes))
            yield break;
        foreach (string name in classes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            yield return name;
    }

    static bool IsHiddenByStyle(IElement element)
    {
        string? style = element.GetAttribute("style");
        return style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase));
    }
}
