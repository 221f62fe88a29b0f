using NewsTracker.Core.ArticleText;

namespace NewsTracker.Core.Tests.ArticleText;

/// <summary>
/// Article text never holds a character XML 1.0 forbids (a C0 control other than tab, LF and CR; U+FFFE; U+FFFF):
/// HTML keeps them, raw or from references such as &amp;#15;, but the text is stored, searched and served as XML
/// (the timeline's Atom feed), so they are dropped like other invisible characters, and a page's are counted.
/// </summary>
public class InvalidCharacterTextTests
{
    const string Prose = "Negotiators met again in Geneva on Tuesday, officials said, and agreed to resume the talks after a short break for consultations.";

    [Fact]
    public void A_page_drops_control_characters_from_its_text_and_counts_them()
    {
        var html = $"""
            <html><head><title>Talks</title></head><body>
            <nav><a href="/">Home</a></nav>
            <article>
              <p>{Prose} Bytes: (WK&#15;x5&#x1;.</p>
              <p>{Prose} A raw one\u000F here and a noncharacter &#xFFFE; there.</p>
            </article>
            </body></html>
            """.Replace("\\u000F", "\u000F");

        var page = ArticleHtml.ExtractPage(html, "https://news.test/talks");

        Assert.Equal($"{Prose} Bytes: (WKx5.\n\n{Prose} A raw one here and a noncharacter there.", page.Text);
        Assert.Equal(4, page.DroppedCharacterCount);
    }

    [Fact]
    public void A_clean_page_drops_nothing()
    {
        var page = ArticleHtml.ExtractPage($"<html><body><article><p>{Prose}</p><p>Tab\tand&#9;newline&#10;stay spaces.</p></article></body></html>");

        Assert.Equal(0, page.DroppedCharacterCount);
    }

    [Fact]
    public void Text_from_a_page_json_ld_body_drops_them_too()
    {
        // A page that renders with script: its text comes from the JSON-LD articleBody, where "\u000f" is an escape.
        var html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks",
              "articleBody":"Negotiators met again in Geneva\u000f on Tuesday."}</script></head><body><p>Loading</p></body></html>
            """;

        var page = ArticleHtml.ExtractPage(html);

        Assert.Equal("Negotiators met again in Geneva on Tuesday.", page.Text);
        Assert.Equal(1, page.DroppedCharacterCount);
    }

    [Fact]
    public void Json_ld_with_half_a_surrogate_pair_is_ignored_not_thrown()
    {
        // JSON parses the escape; only reading the string throws (InvalidOperationException, not JsonException).
        var html = $$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks \ud800","articleBody":"Short."}</script>
            <title>Talks</title></head><body><article><p>{{Prose}}</p><p>{{Prose}} Again.</p></article></body></html>
            """;

        var page = ArticleHtml.ExtractPage(html);

        Assert.Equal("Talks", page.Title);
        Assert.Equal($"{Prose}\n\n{Prose} Again.", page.Text);
    }

    [Fact]
    public void A_feed_item_fragment_drops_them()
    {
        Assert.Equal("(WKx5 and more", ArticleHtml.FragmentToText("<p>(WK&#15;x5\u0001 and&#xFFFF; more</p>"));
    }
}
