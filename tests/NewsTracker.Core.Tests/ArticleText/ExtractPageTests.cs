using System.IO.Compression;
using System.Text.Json;
using NewsTracker.Core.ArticleText;

namespace NewsTracker.Core.Tests.ArticleText;

public class ExtractPageTests
{
    static readonly string TestData = Path.Combine(RepoPaths.Root, "tests", "NewsTracker.Core.Tests", "ArticleText", "TestData");

    static (string Html, string Url, string Truth) SamplePage(string idPrefix)
    {
        string path = Directory.GetFiles(Path.Combine(TestData, "pages")).Single(f => Path.GetFileName(f).StartsWith(idPrefix, StringComparison.Ordinal));
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        string html = reader.ReadToEnd();
        using var truths = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData, "ground-truth-sample.json")));
        var truth = truths.RootElement.GetProperty(Path.GetFileName(path)[..^".html.gz".Length]);
        return (html, truth.GetProperty("url").GetString()!, truth.GetProperty("articleBody").GetString()!);
    }

    [Theory]
    // The whole page sits in one ASP.NET <form>.
    [InlineData("7916ecca96", 0.98, 0.98)]
    // The body sits in a "content-with-sidebar" wrapper and quotes a tweet; hidden hover cards cost some recall.
    [InlineData("6ebac05f63", 0.98, 0.80)]
    // Indonesian prose with block quotes and Arabic verses.
    [InlineData("21486419bb", 0.97, 0.98)]
    [InlineData("c4a3637c66", 0.99, 0.99)]
    [InlineData("3cb22bfabe", 0.99, 0.97)]
    public void RealPageTextMatchesItsTrueArticleBody(string idPrefix, double minPrecision, double minRecall)
    {
        var (html, url, truth) = SamplePage(idPrefix);

        var score = ExtractionScore.ScorePage(truth, ArticleHtml.ExtractPage(html, url).Text);

        Assert.InRange(score.Precision, minPrecision, 1);
        Assert.InRange(score.Recall, minRecall, 1);
    }

    [Fact]
    public void RealPageMetadataIsRead()
    {
        var (html, url, _) = SamplePage("6ebac05f63");

        var page = ArticleHtml.ExtractPage(html, url);

        Assert.Equal("New York man pleads guilty to threatening to kill Omar", page.Title);
        Assert.Equal(url, page.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2019, 11, 18, 23, 4, 24, TimeSpan.FromHours(-5)), page.Published);
        Assert.Equal("Justine Coleman", page.Author);
        Assert.DoesNotContain(page.Title!, page.Text);
    }

    const string Prose1 = "Negotiators from both sides met in Geneva on Tuesday, officials said, in the first direct talks since the spring.";
    const string Prose2 = "The talks, which lasted six hours, ended without an agreement, but both delegations said they would return next week.";
    const string Prose3 = "Diplomats cautioned that the hardest questions, including the future of occupied territory, had not yet been raised.";

    static readonly string FurnishedPage = $$$"""
        <!doctype html>
        <html><head>
          <title>Talks resume in Geneva | Example News</title>
          <meta property="og:title" content="Talks resume in Geneva">
          <link rel="canonical" href="/world/talks-resume">
          <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks resume in Geneva","datePublished":"2025-03-04T09:30:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script>
        </head><body>
          <div class="cookie-banner"><p>We use cookies to improve your experience on our site, as described in our cookie policy.</p></div>
          <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
          <main>
            <article>
              <h1>Talks resume in Geneva</h1>
              <p class="byline">By Jane Doe, Senior Correspondent</p>
              <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
              <div class="article-body">
                <p>{{{Prose1}}}</p>
                <figure><img src="/geneva.jpg" alt=""><figcaption>Delegates arrive at the Palais des Nations in Geneva. Photo: Example Agency</figcaption></figure>
                <p>{{{Prose2}}}</p>
                <h2>What comes next</h2>
                <p>{{{Prose3}}}</p>
                <p>Tags: Geneva, ceasefire, diplomacy</p>
              </div>
              <section class="related-articles"><h3>Related stories</h3>
                <ul><li><a href="/a">Earlier talks stalled over the question of prisoners, sources said at the time</a></li>
                    <li><a href="/b">Who is who in the delegations, and what each of them wants from the negotiations</a></li></ul></section>
              <div id="comments"><h3>3 Comments</h3><p>This is a long reader comment, with commas, that says the talks are pointless, and argues at length.</p></div>
            </article>
          </main>
          <aside><p>Most read: a long sidebar teaser about something else entirely, with commas, to tempt the scorer.</p></aside>
          <footer><p>© 2025 Example News. All rights reserved.</p></footer>
        </body></html>
        """;

    [Fact]
    public void FurnitureAroundAndInsideTheArticleIsDropped()
    {
        var page = ArticleHtml.ExtractPage(FurnishedPage, "https://news.example.com/world/talks-resume?ref=home");

        Assert.Equal($"{Prose1}\n\n{Prose2}\n\nWhat comes next\n\n{Prose3}", page.Text);
    }

    [Fact]
    public void MetadataComesFromMetaTagsAndJsonLd()
    {
        var page = ArticleHtml.ExtractPage(FurnishedPage, "https://news.example.com/world/talks-resume?ref=home");

        Assert.Equal("Talks resume in Geneva", page.Title);
        Assert.Equal("https://news.example.com/world/talks-resume", page.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 30, 0, TimeSpan.Zero), page.Published);
        Assert.Equal("Jane Doe", page.Author);
    }

    [Fact]
    public void CanonicalFallsBackToOgUrlAndStaysNullWithoutABase()
    {
        const string html = "<html><head><meta property=\"og:url\" content=\"/a/b\"></head><body><p>Short.</p></body></html>";

        Assert.Equal("https://example.org/a/b", ArticleHtml.ExtractPage(html, "https://example.org/x").CanonicalUrl);
        Assert.Null(ArticleHtml.ExtractPage(html).CanonicalUrl);
    }

    [Fact]
    public void ScriptRenderedPageFallsBackToJsonLdArticleBody()
    {
        const string html = """
            <html><head><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Talks resume","articleBody":"First paragraph of the body.\n\nSecond   paragraph,\n with a break."}
            </script></head><body><div id="app">Loading…</div></body></html>
            """;

        Assert.Equal("First paragraph of the body.\n\nSecond paragraph,\n\nwith a break.", ArticleHtml.ExtractPage(html).Text);
    }

    [Fact]
    public void PageWithoutProseGivesEmptyText()
    {
        var page = ArticleHtml.ExtractPage("<html><body><nav><a href='/'>Home</a></nav></body></html>");

        Assert.Equal("", page.Text);
        Assert.Null(page.Published);
    }
}
