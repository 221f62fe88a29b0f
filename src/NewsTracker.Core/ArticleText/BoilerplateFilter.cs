namespace NewsTracker.Core.ArticleText;

/// <summary>Drops boilerplate blocks from an article's block sequence, using each block's kind and its neighbours.</summary>
internal static class BoilerplateFilter
{
    public static List<TextBlock> Keep(IReadOnlyList<TextBlock> blocks)
    {
        var isBoilerplate = new bool[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
            isBoilerplate[i] = Boilerplate.Classify(blocks[i]) is not null;

        // A heading-like line after the article's last prose, among boilerplate ("Comments", "You may also like"),
        // heads a section of furniture, not of the article: with no prose after it, it introduces nothing of the article.
        bool boilerplateAfter = false;
        for (int i = blocks.Count - 1; i >= 0; i--)
        {
            if (isBoilerplate[i])
            {
                boilerplateAfter = true;
                continue;
            }
            if (!boilerplateAfter || !IsHeadingLike(blocks[i]))
                break;
            isBoilerplate[i] = true;
        }

        var kept = new List<TextBlock>(blocks.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            // Feeds often repeat the title or a paragraph back to back; the copy adds nothing.
            if (!isBoilerplate[i] && (kept.Count == 0 || kept[^1].Text != blocks[i].Text))
                kept.Add(blocks[i]);
        }
        return kept;
    }

    static bool IsHeadingLike(TextBlock block) =>
        block.Kind != BlockKind.ListItem && Boilerplate.CountWords(block.Text) <= 8 && !Boilerplate.EndsLikeSentence(block.Text);
}
