using System.Xml.Linq;
using NewsTracker.Core.ArticleText;

namespace NewsTracker.Core.Tests.ArticleText;

public class FragmentToTextTests
{
    static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>The content:encoded of each item of the bundled sample feed, in feed order.</summary>
    static string SeedItemHtml(int index)
    {
        var feed = XDocument.Load(Path.Combine(RepoPaths.Root, "samples", "ukraine-peace-talks.xml"));
        return feed.Descendants("item").ElementAt(index).Element(Content + "encoded")!.Value;
    }

    public static TheoryData<int, string[], string[]> SeedItems => new()
    {
        {
            0,
            ["Click this link for the original source of this article.", "This content is courtesy of, and owned and copyrighted by", "Author: Tracey Grover"],
            [
                "President Donald Trump has signaled an important shift in U.S. foreign policy by suggesting openness to providing security guarantees to Ukraine.",
                "European Leaders Show Support for Trump’s Shift",
                "The upcoming discussions with Ukrainian and Russian leaders may prove instrumental in charting a course toward a more stable and secure region.",
            ]
        },
        {
            1,
            ["Leave a Comment", "No comments yet. Why don’t you start the discussion?", "Leave a Reply", "Your email address will not be published.", "Comments"],
            [
                "White House Summit Brings Together Key Players",
                "• European Commission President Ursula von der Leyen",
                "The coming weeks will test whether this diplomatic momentum can bridge the fundamental differences",
            ]
        },
        {
            2,
            ["Related Threads", "Recent Threads", "Content is protected", "President Donald Trump-White House-President Volodymyr Zelenskiy"],
            [
                "U.S. President Donald Trump has pledged that the United States would help guarantee Ukraine’s security",
                "Macron emphasized the broader implications of the talks, stating:",
                "As talks continue, the international community watches closely for signs of progress toward ending Europe’s deadliest conflict since World War II.",
            ]
        },
        {
            3,
            ["asmr asmr cheater Nato putin Russia trump ukraine"],
            [
                "Trump Shifts U.S. Approach to Ukraine, Initiates Peace Talks with Russia",
                "This diplomatic shift has significant implications for U.S. foreign policy and could affect future global security dynamics.",
            ]
        },
        {
            4,
            ["Home » world »", "by James Carter Senior News Editor", "Leave a Comment", "This site uses Akismet to reduce spam.", "Adblock Detected", "Please support us by disabling your AdBlocker extension", "You may also like"],
            [
                "Trump: Putin-Zelensky Peace Talks Potentially Planned",
                "The Trump Factor: A New Approach to Mediation",
                "The Kremlin’s confirmation of Putin’s readiness to meet Zelensky, following a 40-minute phone call with Trump, is a significant, albeit cautiously optimistic, development.",
                "see the Council on Foreign Relations’ coverage of the Ukraine crisis: https://www.cfr.org/ukraine.",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(SeedItems))]
    public void SeedItemLosesItsBoilerplateAndKeepsItsArticle(int item, string[] boilerplate, string[] article)
    {
        string text = ArticleHtml.FragmentToText(SeedItemHtml(item));

        foreach (string line in boilerplate)
            Assert.DoesNotContain(line, text, StringComparison.OrdinalIgnoreCase);
        foreach (string sentence in article)
            Assert.Contains(sentence, text);
    }

    [Fact]
    public void SeedItemKeepsEveryRealParagraph()
    {
        // Item 0 has 20 article paragraphs (two of them sub-headings) before its three lines of boilerplate.
        string text = ArticleHtml.FragmentToText(SeedItemHtml(0));

        Assert.Equal(20, text.Split("\n\n").Length);
    }

    [Fact]
    public void OutputIsInArticleTextFormat()
    {
        string text = ArticleHtml.FragmentToText("<p>  One\n  paragraph&nbsp;here. </p>\n<p>Two<br>lines.</p><h2>A heading</h2><p>Body after it.</p>");

        Assert.Equal("One paragraph here.\n\nTwo\n\nlines.\n\nA heading\n\nBody after it.", text);
    }

    [Theory]
    [InlineData("<p>パスワード管理ソフト<a href='/k'>KeePass</a>の起動</p>", "パスワード管理ソフト KeePass の起動")]
    [InlineData("<p>See <a href='/r'>the report</a>, then decide.</p>", "See the report, then decide.")]
    [InlineData("<p>Officials (<a href='/r'>source</a>) confirmed it on Monday.</p>", "Officials (source) confirmed it on Monday.")]
    public void LinkIsSeparatedFromLettersItIsGluedTo(string html, string text)
    {
        Assert.Equal(text, ArticleHtml.FragmentToText(html));
    }

    [Fact]
    public void PlainTextWithEntitiesSplitsParagraphsOnBlankLines()
    {
        string text = ArticleHtml.FragmentToText("Kyiv &amp; Moscow met\non Monday.\n\n  Talks resume &#8220;soon&#8221;.  ");

        Assert.Equal("Kyiv & Moscow met on Monday.\n\nTalks resume “soon”.", text);
    }

    [Fact]
    public void ConsecutiveDuplicateParagraphsCollapse()
    {
        Assert.Equal("Title here\n\nBody text.", ArticleHtml.FragmentToText("<p>Title here</p><p>Title here</p><p>Body text.</p>"));
    }

    [Fact]
    public void EmptyOrScriptOnlyHtmlGivesEmptyText()
    {
        Assert.Equal("", ArticleHtml.FragmentToText(""));
        Assert.Equal("", ArticleHtml.FragmentToText("<script>var x = 1;</script><style>p{}</style>"));
    }

    const string Body = "<p>Negotiators met in Geneva on Tuesday to discuss a ceasefire, officials said.</p>";

    [Theory]
    // Bylines and datelines.
    [InlineData("<p>By Jane Doe, Reuters</p>")]
    [InlineData("<p>Author: Jane Doe</p>")]
    [InlineData("<p>Written by: Jane Doe | Senior Correspondent</p>")]
    [InlineData("<p>Published: 12 March 2025, 14:05</p>")]
    [InlineData("<p>Updated on March 12, 2025</p>")]
    // Share, comment and reply prompts.
    [InlineData("<p>Share this article</p>")]
    [InlineData("<p>Facebook Twitter Email Print</p>")]
    [InlineData("<p>12 Comments</p>")]
    [InlineData("<p>Be the first to comment on this story!</p>")]
    [InlineData("<p>Sign up for our daily newsletter to get the latest updates.</p>")]
    [InlineData("<p>Tell us what YOU think...</p>")]
    // Syndication and copyright notices.
    [InlineData("<p>The post Talks resume in Geneva appeared first on Example News.</p>")]
    [InlineData("<p>This article was originally published on The Conversation.</p>")]
    [InlineData("<p>© 2025 Example Media. All rights reserved.</p>")]
    [InlineData("<p>Continue reading</p>")]
    [InlineData("<p>Photo: Jane Doe/Example Agency</p>")]
    [InlineData("<p>(Image credit: Example Space Agency)</p>")]
    [InlineData("<p>Installation views, photos © Example Studio, 2018</p>")]
    [InlineData("<p>Follow Example News on Instagram, Facebook, Twitter and YouTube.</p>")]
    [InlineData("<p>Join our forums to keep talking about the talks!</p>")]
    // Cookie, ad-block and copy-protection notices.
    [InlineData("<p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>")]
    [InlineData("<p>Please disable your ad blocker to support independent journalism.</p>")]
    [InlineData("<p>Alert: Content is protected !!</p>")]
    [InlineData("<p>Advert</p>")]
    [InlineData("<p>This slideshow requires JavaScript.</p>")]
    // Breadcrumbs.
    [InlineData("<p>Home › Politics › Europe</p>")]
    [InlineData("<p>Home / News</p>")]
    // Related and recent lists.
    [InlineData("<p>Related Articles</p>")]
    [InlineData("<p>Most Read Stories</p>")]
    [InlineData("<p>Read next</p>")]
    // Tags and tag clouds.
    [InlineData("<p>Tags: Ukraine, Russia, NATO</p>")]
    [InlineData("<p>Ukraine | Russia | Peace talks | NATO</p>")]
    [InlineData("<p>ceasefire geneva talks negotiators europe ukraine russia diplomacy</p>")]
    // Link-dense blocks.
    [InlineData("<p><a href='/a'>Talks stall again</a> <a href='/b'>What the deal means</a></p>")]
    [InlineData("<p><a href='/a'>Talks stall again as envoys leave</a>, <a href='/b'>what the deal means</a> and <a href='/c'>who is in the room, and why it matters</a>.</p>")]
    public void BoilerplateKindIsDropped(string boilerplate)
    {
        Assert.Equal(ArticleHtml.FragmentToText(Body), ArticleHtml.FragmentToText(Body + boilerplate));
        Assert.Equal(ArticleHtml.FragmentToText(Body), ArticleHtml.FragmentToText(boilerplate + Body));
    }

    [Theory]
    [InlineData("<p>By the time the delegations arrived, the talks had already stalled.</p>")]
    [InlineData("<p>Russian Demands and Ukrainian Red Lines</p>")]
    [InlineData("<p>White House Summit Brings Together Key Players</p>")]
    [InlineData("<p>Critics said the deal would leave a comment period of only ten days, which several lawmakers called far too short for a treaty of this importance and scope, and which the opposition vowed to challenge in parliament next week before the vote.</p>")]
    [InlineData("<p>The ruling concerned copyright law and the use of news articles by search engines.</p>")]
    [InlineData("<p>Read the statement <a href='/s'>here</a> before the vote, a spokesman urged reporters.</p>")]
    [InlineData("<p><a href='/hl3'>A new game is finally coming out after twelve years of waiting, but only for virtual reality.</a></p>")]
    [InlineData("<ul><li>Britain, France, Germany</li></ul>")]
    [InlineData("<p>• European Commission President Ursula von der Leyen</p>")]
    [InlineData("<p>Published reports put the death toll at 12.</p>")]
    [InlineData("<p>Photos released by the ministry on Monday showed damage to the port.</p>")]
    [InlineData("<p>The ministry had no comment on the report.</p>")]
    [InlineData("<p>“We share this concern,” the minister said.</p>")]
    [InlineData("<p>In the comments he made on Monday, the envoy sounded hopeful.</p>")]
    [InlineData("<p>More than two million people subscribe to the service, the company said.</p>")]
    [InlineData("<p>The company told investors in a newsletter that profits fell.</p>")]
    [InlineData("<p>The novel, first published in 1990, was banned in both countries.</p>")]
    [InlineData("<p>Investigators are still looking for the original source of the leak.</p>")]
    [InlineData("<p>Hackers disabled the admin accounts of the ministry on Sunday.</p>")]
    [InlineData("<p>«Переговоры продолжатся», — сказал он в понедельник.</p>")]
    public void ArticleParagraphLookingLikeBoilerplateIsKept(string paragraph)
    {
        string text = ArticleHtml.FragmentToText(paragraph + Body);

        Assert.Equal(ArticleHtml.FragmentToText(paragraph) + "\n\n" + ArticleHtml.FragmentToText(Body), text);
        Assert.NotEqual("", ArticleHtml.FragmentToText(paragraph));
    }
}
