using NewsTracker.Web.Search;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Search;

public sealed class SearchTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Finds_quotes_with_their_speaker_and_articles_with_highlighted_snippets()
    {
        var page = await sample.Client.GetDocumentAsync("/search?q=burden");

        var results = page.QuerySelectorAll(".search-result");
        Assert.NotEmpty(results);
        var quote = results.First(r => r.QuerySelector(".quote") is not null);
        Assert.Equal("burden", quote.QuerySelector(".quote mark")!.TextContent, ignoreCase: true);
        Assert.Contains("Donald Trump", quote.QuerySelector(".claim-kind")!.TextContent);
        Assert.Contains(results, r => r.QuerySelector("p mark") is not null && r.QuerySelector("a[href^='/articles/']") is not null);
    }

    [Fact]
    public async Task Every_word_must_match_and_the_last_may_be_a_prefix()
    {
        var both = await sample.Client.GetDocumentAsync("/search?q=Fogel+Vinnik");
        Assert.NotEmpty(both.QuerySelectorAll(".search-result"));
        var prefix = await sample.Client.GetDocumentAsync("/search?q=Vinn");
        Assert.NotEmpty(prefix.QuerySelectorAll(".search-result"));
        var none = await sample.Client.GetDocumentAsync("/search?q=Fogel+zeppelin");
        Assert.Empty(none.QuerySelectorAll(".search-result"));
        Assert.NotNull(none.QuerySelector(".empty"));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(ceasefire")]
    [InlineData("Title:* OR AND")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("!!!")]
    public async Task Search_syntax_and_markup_in_the_query_are_only_text(string query)
    {
        var response = await sample.Client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Theory]
    [InlineData("security guarantees", "\"security\" \"guarantees\"*")]
    [InlineData("  Putin ", "\"Putin\"*")]
    [InlineData("\"a\" OR b:", "\"a\" \"OR\" \"b\"")]
    [InlineData("?!", null)]
    public void Queries_become_quoted_words(string input, string? expected) =>
        Assert.Equal(expected, SearchIndex.ToMatchQuery(input));

    [Fact]
    public void Marks_are_rendered_as_mark_elements_only_after_the_text_is_encoded()
    {
        string marked = Highlight.Mark("Trump said <b>ceasefire</b> & trump again", ["trump"]);
        Assert.Equal("\u0002Trump\u0003 said <b>ceasefire</b> & \u0002trump\u0003 again", marked);
        Assert.Equal("<mark>Trump</mark> said &lt;b&gt;ceasefire&lt;/b&gt; &amp; <mark>trump</mark> again", Highlight.Render(marked).ToString());
    }

    [Fact]
    public void A_snippet_is_the_text_around_the_first_match()
    {
        string text = new string('a', 500) + " Zelenskyy spoke " + new string('b', 500);
        string snippet = Highlight.Snippet(text, ["zelenskyy"], 120);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("\u0002Zelenskyy\u0003", snippet);
    }
}
