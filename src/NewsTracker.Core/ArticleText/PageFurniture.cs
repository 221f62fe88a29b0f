using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsTracker.Core.ArticleText;

/// <summary>
/// What an element's tag, role, class and id say about it: page furniture (navigation, share bars, comments,
/// related lists, notices) or a likely article container. Readability-style hints, no per-site rules. One instance per page.
/// </summary>
internal sealed partial class PageFurniture
{
    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Names of furniture that never hold the article, whatever else the class says.
    [GeneratedRegex(@"comment|disqus|share|sharing|related|recommend|newsletter|subscri|signup|sign-up|cookie|consent|gdpr|outbrain|taboola|advert|sponsor|promo|sidebar|breadcrumb|pagination|pager|popup|modal|paywall|most-?popular|most-?read|trending|read-?more|more-?stories|skip-?link|sr-only|screen-?reader|visually-?hidden|print-?only|byline|author-?(?:bio|info|box|content|description|details|profile)|about-?(?:the-?)?author|post-author|(?:^|[-_])tags?(?:$|[-_])|tag-?list|tagcloud|caption|credit|timestamp|dateline", Options)]
    private static partial Regex StrongFurniture();

    // Names of furniture that an article container may also carry ("article-header"): only furniture when no content word is there too.
    [GeneratedRegex(@"(?:^|[-_])(?:nav|navbar|navigation|menu|header|footer|masthead|banner|widget|toolbar|ads?|ad-slot|meta|rating|utility|tools|social)(?:$|[-_])", Options)]
    private static partial Regex WeakFurniture();

    // An embedded post (a tweet, an Instagram post) quoted by the article is part of its text.
    [GeneratedRegex(@"article|body|content|entry|main|post|story|text|blog|news|embed|tweet", Options)]
    private static partial Regex ContentName();

    // Layout modifiers such as "has-sidebar" describe the element's neighbours, not the element.
    [GeneratedRegex(@"^(?:has|with|no|show|hide|without)-", Options)]
    private static partial Regex LayoutModifier();

    // Figures are pictures with captions and credits; the benchmark's truth, like readers, leaves captions out of the text.
    static readonly HashSet<string> FurnitureTags = ["nav", "footer", "aside", "header", "menu", "figure", "figcaption"];

    // Phrasing elements inside a paragraph style words, they do not frame the page; skipping them halves the checks.
    static readonly HashSet<string> PhrasingTags = ["a", "em", "strong", "b", "i", "u", "s", "small", "sup", "sub", "abbr", "cite", "code", "mark", "q", "br", "wbr", "img", "picture", "source"];

    static readonly HashSet<string> FurnitureRoles = ["navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "alert", "alertdialog", "dialog", "search"];

    [Flags]
    enum NameHints { None = 0, StrongFurniture = 1, WeakFurniture = 2, Content = 4 }

    // Pages repeat the same class attributes hundreds of times; each distinct one is matched once per page.
    readonly Dictionary<string, NameHints> hintsByAttribute = new(StringComparer.Ordinal);

    public bool IsFurniture(IElement element)
    {
        string tag = element.LocalName;
        if (tag is "body" or "html" or "article" or "main" || PhrasingTags.Contains(tag))
            return false;
        if (FurnitureTags.Contains(tag))
            return true;
        // One pass over the attributes, by index: this runs for every element of the page.
        var hints = NameHints.None;
        var attributes = element.Attributes;
        for (int i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            string value = attribute.Value;
            switch (attribute.LocalName)
            {
                case "role" when FurnitureRoles.Contains(value):
                case "aria-hidden" when value == "true":
                case "style" when IsHiddenStyle(value):
                    return true;
                case "id" or "class":
                    hints |= HintsOf(value);
                    break;
            }
        }
        return hints.HasFlag(NameHints.StrongFurniture) || hints == NameHints.WeakFurniture;
    }

    /// <summary>+1 for a name that says "content", −1 for one that says "furniture", 0 otherwise.</summary>
    public int NameWeight(IElement element)
    {
        var hints = Hints(element);
        return (hints & (NameHints.StrongFurniture | NameHints.WeakFurniture)) != 0 ? -1 : hints.HasFlag(NameHints.Content) ? 1 : 0;
    }

    NameHints Hints(IElement element) => HintsOf(element.Id) | HintsOf(element.GetAttribute("class"));

    NameHints HintsOf(string? attribute)
    {
        if (string.IsNullOrEmpty(attribute))
            return NameHints.None;
        if (hintsByAttribute.TryGetValue(attribute, out var cached))
            return cached;
        var hints = NameHints.None;
        foreach (string name in attribute.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            hints |= HintsOfName(name);
        hintsByAttribute[attribute] = hints;
        return hints;
    }

    // Class names recur across pages of a site and across sites ("clearfix", "row", "entry-content"): the regexes
    // run once per distinct name. Bounded, so a long-running crawler's memory stays flat.
    static readonly ConcurrentDictionary<string, NameHints> HintsByName = new(StringComparer.Ordinal);
    const int MaxCachedNames = 50_000;

    static NameHints HintsOfName(string name)
    {
        if (HintsByName.TryGetValue(name, out var cached))
            return cached;
        var hints = NameHints.None;
        if (!LayoutModifier().IsMatch(name))
        {
            if (StrongFurniture().IsMatch(name))
                hints |= NameHints.StrongFurniture;
            else if (WeakFurniture().IsMatch(name))
                hints |= NameHints.WeakFurniture;
            if (ContentName().IsMatch(name))
                hints |= NameHints.Content;
        }
        if (HintsByName.Count >= MaxCachedNames)
            HintsByName.Clear();
        HintsByName[name] = hints;
        return hints;
    }

    static bool IsHiddenStyle(string style) =>
        style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
        || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
        || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
}
