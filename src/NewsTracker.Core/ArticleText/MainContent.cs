using AngleSharp.Dom;

namespace NewsTracker.Core.ArticleText;

/// <summary>
/// Finds the blocks of a page's main text: paragraphs vote for the containers above them (more text and
/// commas, more votes; readability's scheme), link-dense containers lose, and the winner with its qualifying
/// siblings is the article. Furniture inside it and boilerplate paragraphs are then dropped.
/// </summary>
internal static class MainContent
{
    const int MinParagraphChars = 25;
    const int VoteLevels = 5;
    const int MinArticleChars = 200;

    sealed class Container
    {
        public double Score;
        public int TextChars;
        public int LinkChars;
        public bool Scored;
        public int ProseChars;
        public double LinkDensity => TextChars == 0 ? 0 : (double)LinkChars / TextChars;
    }

    /// <summary>The main text's blocks under <paramref name="body"/>; <paramref name="observe"/> sees every element on the way.</summary>
    public static List<TextBlock> Find(IElement body, Action<IElement>? observe = null)
    {
        var names = new PageFurniture();
        var blocks = BlockCollector.Collect(body, blankLinesBreakParagraphs: false, names.IsFurniture, observe);
        var furniture = FurnitureWithoutTheProse(blocks);
        Func<TextBlock, bool> isFurniture = b => b.Furniture.Length > 0 && b.Furniture.Any(furniture.Contains);
        // A page whose paragraphs all sit in furniture-like wrappers is read again with nothing counted as furniture.
        var roots = Choose(blocks, body, isFurniture, names);
        if (roots is null)
        {
            isFurniture = _ => false;
            roots = Choose(blocks, body, isFurniture, names);
        }
        if (roots is null)
            return [];
        var inArticle = blocks.Where(b => !isFurniture(b) && IsInside(b.Owner, roots, body)).ToList();
        return BoilerplateFilter.Keep(inArticle);
    }

    static bool IsProse(TextBlock block) => block.Text.Length >= MinParagraphChars && block.LinkDensity <= 0.5;

    /// <summary>
    /// The furniture-looking elements that are furniture indeed: a name like "content-with-sidebar" or "penci_sidebar"
    /// describes a layout wrapper when the element holds most of the page's prose, and the article is not furniture.
    /// </summary>
    static HashSet<IElement> FurnitureWithoutTheProse(List<TextBlock> blocks)
    {
        var proseIn = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        int totalProse = 0;
        foreach (var block in blocks)
        {
            int prose = IsProse(block) ? block.Text.Length : 0;
            totalProse += prose;
            foreach (var element in block.Furniture)
                proseIn[element] = proseIn.GetValueOrDefault(element) + prose;
        }
        return new HashSet<IElement>(proseIn.Where(e => e.Value * 2 <= totalProse).Select(e => e.Key), ReferenceEqualityComparer.Instance);
    }

    static HashSet<IElement>? Choose(List<TextBlock> blocks, IElement body, Func<TextBlock, bool> isFurniture, PageFurniture names)
    {
        var containers = new Dictionary<IElement, Container>(ReferenceEqualityComparer.Instance);
        foreach (var block in blocks)
        {
            if (isFurniture(block))
                continue;
            for (var e = block.Owner; e is not null; e = e.ParentElement)
            {
                var c = Get(containers, e);
                c.TextChars += block.VisibleChars;
                c.LinkChars += block.LinkChars;
                if (e == body)
                    break;
            }
            // The page title (h1) is no paragraph of the article: it must not pull the choice to the page header.
            if (!IsProse(block) || block.Owner is null || block.Owner.LocalName == "h1")
                continue;
            double vote = 1 + block.Text.AsSpan().Count(',') + Math.Min(block.Text.Length / 100, 3);
            int level = 0;
            for (var e = block.Owner.ParentElement; e is not null && level < VoteLevels; e = e.ParentElement, level++)
            {
                var c = Get(containers, e);
                if (!c.Scored)
                {
                    c.Score += InitialScore(e, names);
                    c.Scored = true;
                }
                c.Score += vote / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                c.ProseChars += block.VisibleChars;
                if (e == body)
                    break;
            }
        }

        // A container with a byline or a caption under a content-like class name can outscore the article on its
        // name alone; one that holds a few lines of prose cannot be the article while another holds more.
        IElement? top = null, topAmongAll = null;
        double topScore = 0, topScoreAmongAll = 0;
        foreach (var (element, c) in containers)
        {
            if (!c.Scored)
                continue;
            double score = c.Score * (1 - c.LinkDensity);
            if (score > topScoreAmongAll)
                (topAmongAll, topScoreAmongAll) = (element, score);
            if (score > topScore && c.ProseChars >= MinArticleChars)
                (top, topScore) = (element, score);
        }
        if (top is null)
            (top, topScore) = (topAmongAll, topScoreAmongAll);
        if (top is null || topScore < 10)
            return null;

        var winner = top;
        top = WidenToParent(top, topScore, containers, body);
        var roots = WithSiblings(top, containers);
        AddSectionsOfTheSameKind(winner, roots, containers);
        return roots;
    }

    /// <summary>
    /// Some pages split one article into sections placed in different parts of the layout (an intro block, then
    /// the body), each in a container of the same tag and class as the winning one. Those elsewhere on the page
    /// that score as well as a good sibling would are part of the article too.
    /// </summary>
    static void AddSectionsOfTheSameKind(IElement winner, HashSet<IElement> roots, Dictionary<IElement, Container> containers)
    {
        string? winnerClass = winner.GetAttribute("class");
        if (string.IsNullOrEmpty(winnerClass))
            return;
        double threshold = Math.Max(10, containers[winner].Score * 0.2);
        foreach (var (element, c) in containers)
        {
            if (c.Scored && c.Score * (1 - c.LinkDensity) >= threshold && element.LocalName == winner.LocalName
                && element.GetAttribute("class") == winnerClass && !roots.Any(r => r.Contains(element) || element.Contains(r)))
                roots.Add(element);
        }
    }

    static Container Get(Dictionary<IElement, Container> containers, IElement e)
    {
        if (!containers.TryGetValue(e, out var c))
        {
            c = new Container();
            containers[e] = c;
        }
        return c;
    }

    static double InitialScore(IElement e, PageFurniture names)
    {
        double score = e.LocalName switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return score + 25 * names.NameWeight(e);
    }

    /// <summary>
    /// When the winner is one of several sections of a longer article, its parent scores nearly as well:
    /// climb while the parent keeps at least a third of the score, and take it if it beats the winner.
    /// A lone child says nothing its parent does not, so climb through those too.
    /// </summary>
    static IElement WidenToParent(IElement top, double topScore, Dictionary<IElement, Container> containers, IElement body)
    {
        double lastScore = topScore;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            if (!containers.TryGetValue(parent, out var c) || !c.Scored)
                continue;
            double score = c.Score * (1 - c.LinkDensity);
            if (score < topScore / 3)
                break;
            if (score > lastScore)
            {
                top = parent;
                break;
            }
            lastScore = score;
        }
        while (top.ParentElement is { } p && p != body && p.ChildElementCount == 1)
            top = p;
        return top;
    }

    /// <summary>The winner plus siblings that score well or read as prose paragraphs, as readability merges them.</summary>
    static HashSet<IElement> WithSiblings(IElement top, Dictionary<IElement, Container> containers)
    {
        var roots = new HashSet<IElement>(ReferenceEqualityComparer.Instance) { top };
        if (top.ParentElement is not { } parent)
            return roots;
        double topScore = containers[top].Score;
        double threshold = Math.Max(10, topScore * 0.2);
        string? topClass = top.GetAttribute("class");
        foreach (var sibling in parent.Children)
        {
            if (sibling == top || !containers.TryGetValue(sibling, out var c))
                continue;
            double bonus = !string.IsNullOrEmpty(topClass) && sibling.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
            if (c.Scored && c.Score * (1 - c.LinkDensity) + bonus >= threshold)
            {
                roots.Add(sibling);
                continue;
            }
            if (sibling.LocalName == "p")
            {
                string text = sibling.TextContent;
                if (text.Length > 80 && c.LinkDensity < 0.25 || text.Length <= 80 && c.LinkChars == 0 && Boilerplate.EndsLikeSentence(text.Trim()))
                    roots.Add(sibling);
            }
        }
        return roots;
    }

    static bool IsInside(IElement? owner, HashSet<IElement> roots, IElement body)
    {
        for (var e = owner; e is not null; e = e.ParentElement)
        {
            if (roots.Contains(e))
                return true;
            if (e == body)
                break;
        }
        return false;
    }
}
