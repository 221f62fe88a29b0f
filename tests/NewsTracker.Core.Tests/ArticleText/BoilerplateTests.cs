using NewsTracker.Core.ArticleText;

namespace NewsTracker.Core.Tests.ArticleText;

public class BoilerplateTests
{
    // One example of every alternative of the syndication rule: its regex runs only on paragraphs that contain one of
    // its words, so a word missing from that list would let the notice through as article text.
    [Theory]
    [InlineData("The original source of this article is Example News.")]
    [InlineData("This story was originally published by ProPublica.")]
    [InlineData("This article first appeared in The Conversation.")]
    [InlineData("Column first posted on our sister site.")]
    [InlineData("Originally appeared on Example Weekly.")]
    [InlineData("The post Talks resume in Geneva appeared first on Example News.")]
    [InlineData("This content is owned and copyrighted by Example Media.")]
    [InlineData("Copyright 2025 Example Media")]
    [InlineData("Copyright (c) Example Media")]
    [InlineData("© 2025 Example Media")]
    [InlineData("© 2025 Example Media. This material may not be broadcast, rewritten or redistributed in whole or in part, and may only be quoted briefly with a link to the source.")]
    [InlineData("Example Media. All Rights Reserved.")]
    [InlineData("Republished here with kind permission of the author.")]
    [InlineData("Shared for educational purposes only.")]
    [InlineData("From the public RSS feed of Example News.")]
    [InlineData("This article is courtesy of Example News.")]
    [InlineData("Read the full story at Example News.")]
    [InlineData("View the original post.")]
    [InlineData("See full article.")]
    [InlineData("Continue reading the main story")]
    [InlineData("The envoy's account of the meeting - continue reading...")]
    [InlineData("Read more: envoys meet again")]
    [InlineData("Ceasefire talks in Geneva, read more »")]
    [InlineData("This material is subject to copyright.")]
    [InlineData("Not to be used without prior written permission.")]
    public void Every_kind_of_syndication_notice_is_recognised(string paragraph)
    {
        Assert.Equal(BoilerplateKind.Syndication, Boilerplate.Classify(new TextBlock(paragraph, 0, 0, BlockKind.Paragraph, null, [])));
    }

    [Theory]
    [InlineData("The report, first published on Monday, said the envoys had agreed on a ceasefire line.")]
    [InlineData("Zelenskyy posted on Telegram that the talks in Geneva would continue on Thursday.")]
    public void Prose_that_shares_a_word_with_a_notice_is_kept(string paragraph)
    {
        Assert.Null(Boilerplate.Classify(new TextBlock(paragraph, 0, 0, BlockKind.Paragraph, null, [])));
    }
}
