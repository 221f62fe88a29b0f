using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Search;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Search;

/// <summary>The search page on both stores: SQLite's FTS5 tables and PostgreSQL's own text search.</summary>
public sealed class SearchTests(SampleStores samples) : IClassFixture<SampleStores>
{
    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Finds_quotes_with_their_speaker_and_articles_with_highlighted_snippets(StoreProvider provider)
    {
        var sample = await samples.ForAsync(provider);
        var page = await sample.Client.GetDocumentAsync("/search?q=burden");

        var results = page.QuerySelectorAll(".search-result");
        Assert.NotEmpty(results);
        var quote = results.First(r => r.QuerySelector(".quote") is not null);
        Assert.Equal("burden", quote.QuerySelector(".quote mark")!.TextContent, ignoreCase: true);
        Assert.Contains("Donald Trump", quote.QuerySelector(".claim-kind")!.TextContent);
        Assert.Contains(results, r => r.QuerySelector("p mark") is not null && r.QuerySelector("a[href^='/articles/']") is not null);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Every_word_must_match_and_the_last_may_be_a_prefix(StoreProvider provider)
    {
        var sample = await samples.ForAsync(provider);
        var both = await sample.Client.GetDocumentAsync("/search?q=Fogel+Vinnik");
        Assert.NotEmpty(both.QuerySelectorAll(".search-result"));
        var prefix = await sample.Client.GetDocumentAsync("/search?q=Vinn");
        Assert.NotEmpty(prefix.QuerySelectorAll(".search-result"));
        var none = await sample.Client.GetDocumentAsync("/search?q=Fogel+zeppelin");
        Assert.Empty(none.QuerySelectorAll(".search-result"));
        Assert.NotNull(none.QuerySelector(".empty"));
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Search_syntax_and_markup_in_the_query_are_only_text(StoreProvider provider)
    {
        var sample = await samples.ForAsync(provider);
        foreach (var query in new[] { "\"unbalanced", "NEAR(ceasefire", "Title:* OR AND", "peace & !talks | (x", "'quoted':*", "<script>alert(1)</script>", "!!!" })
        {
            var response = await sample.Client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{query}: {(int)response.StatusCode}");
            Assert.DoesNotContain("<script>alert", html);
        }
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Words_match_whole_words_not_letters_inside_other_words(StoreProvider provider)
    {
        await using var app = new TestApp(provider: provider);
        await StoreAsync(app, ("Envoys meet in Geneva", "Envoys discussed peace in Geneva on Monday.", "We want a lasting peace"));
        using var client = app.CreateClient();

        Assert.Equal(["Envoys meet in Geneva"], ArticleTitles(await client.GetDocumentAsync("/search?q=peace")));
        Assert.Single((await client.GetDocumentAsync("/search?q=peace")).QuerySelectorAll(".quote"));
        // "ace" and "eva" are inside "peace" and "Geneva", and start no word.
        foreach (var query in new[] { "ace", "eva", "eace", "discussed+eva" })
        {
            var page = await client.GetDocumentAsync("/search?q=" + query);
            Assert.True(page.QuerySelectorAll(".search-result").Length == 0, $"“{query}” matched letters inside a word");
        }
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task The_newest_matches_come_first_with_a_snippet_around_the_match(StoreProvider provider)
    {
        await using var app = new TestApp(provider: provider);
        string filler = string.Join(' ', Enumerable.Repeat("Delegations arrived and the day went on without news.", 12));
        await StoreAsync(app, [.. Enumerable.Range(1, IndexModelMax + 5).Select(n =>
            ($"Report {n}", $"{filler} In Riyadh the envoys signed memorandum {n}. {filler}", (string?)null))]);
        using var client = app.CreateClient();

        var page = await client.GetDocumentAsync("/search?q=memorandum");
        var titles = ArticleTitles(page);
        Assert.Equal(Enumerable.Range(6, IndexModelMax).Reverse().Select(n => $"Report {n}"), titles);
        var snippet = page.QuerySelector(".search-result p")!;
        Assert.Equal("memorandum", snippet.QuerySelector("mark")!.TextContent, ignoreCase: true);
        Assert.StartsWith("…", snippet.TextContent.Trim());
        Assert.EndsWith("…", snippet.TextContent.Trim());
        Assert.True(snippet.TextContent.Length < 600, $"the snippet is the whole text: {snippet.TextContent.Length} chars");
    }

    const int IndexModelMax = NewsTracker.Web.Pages.Search.IndexModel.MaxResults;

    [PostgresFact]
    public async Task PostgreSQL_finds_other_forms_of_a_word_and_marks_them()
    {
        await using var app = new TestApp(provider: StoreProvider.PostgreSql);
        await StoreAsync(app,
            ("Negotiations resume", "The negotiations resumed in Geneva.", "Our negotiators in Geneva are ready"),
            ("Markets", "Markets were calm on Monday.", null));
        using var client = app.CreateClient();

        // Neither "negotiated" nor "negotiating" appears in the text: the same stem does.
        foreach (var query in new[] { "negotiated", "negotiating Geneva" })
        {
            var page = await client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
            Assert.Equal(["Negotiations resume"], ArticleTitles(page));
            var marked = page.QuerySelectorAll("mark").Select(m => m.TextContent).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.Contains("negotiations", marked);
            Assert.Contains("negotiators", marked);
        }
    }

    [PostgresFact]
    public async Task PostgreSQL_marks_a_match_in_the_snippet_wherever_the_stem_is_found_as_letters()
    {
        string filler = string.Join(' ', Enumerable.Repeat("Delegations arrived and the day went on without news.", 40));
        await using var app = new TestApp(provider: StoreProvider.PostgreSql);
        await StoreAsync(app,
            // The stem "countri" is not the start of "country".
            ("One country", $"{filler} Each country sent envoys. {filler}", null),
            // "talk" is first found inside "stalkers", far from the talks.
            ("Stalkers", $"Stalkers were seen near the venue. {filler} The talks resumed on Monday. {filler}", null));
        using var client = app.CreateClient();

        foreach (var (query, title, word) in new[] { ("countries", "One country", "country"), ("talks", "Stalkers", "talks") })
        {
            var page = await client.GetDocumentAsync("/search?q=" + query);
            Assert.Equal([title], ArticleTitles(page));
            Assert.Equal(word, page.QuerySelector(".search-result p mark")?.TextContent);
        }
    }

    [PostgresFact]
    public async Task PostgreSQL_says_when_every_word_is_too_common_to_search_for()
    {
        var sample = await samples.ForAsync(StoreProvider.PostgreSql);
        var page = await sample.Client.GetDocumentAsync("/search?q=the+will");
        Assert.Contains("too common", page.QuerySelector(".note")!.TextContent);
        // A common word beside a searchable one is left out of the search.
        Assert.NotEmpty((await sample.Client.GetDocumentAsync("/search?q=the+burden")).QuerySelectorAll(".search-result"));
    }

    [PostgresFact]
    public async Task PostgreSQL_stores_a_text_too_long_to_index_whole_and_finds_its_first_words()
    {
        // Over 1 MB of distinct words, more than a tsvector may hold: indexed whole, the article could not be stored.
        string huge = "Envoys met in Geneva. " + string.Join(' ', Enumerable.Range(0, 40_000).Select(_ => Guid.NewGuid().ToString("N")));
        await using var app = new TestApp(provider: StoreProvider.PostgreSql);
        await StoreAsync(app, ("A very long page", huge, null));
        using var client = app.CreateClient();

        Assert.Equal(["A very long page"], ArticleTitles(await client.GetDocumentAsync("/search?q=Geneva")));
    }

    [Theory]
    [InlineData("security guarantees", "\"security\" \"guarantees\"*")]
    [InlineData("  Putin ", "\"Putin\"*")]
    [InlineData("\"a\" OR b:", "\"a\" \"OR\" \"b\"")]
    [InlineData("?!", null)]
    public void Queries_become_quoted_words(string input, string? expected) =>
        Assert.Equal(expected, SearchIndex.ToMatchQuery(input));

    [Theory]
    [InlineData("security guarantees", "'security' & 'guarantees':*")]
    [InlineData("  Putin ", "'Putin':*")]
    [InlineData("'a' | !b:* (c)", "'a' & 'b' & 'c'")]
    [InlineData("?!", null)]
    public void Queries_become_quoted_tsquery_words(string input, string? expected) =>
        Assert.Equal(expected, SearchIndex.ToTsQuery(input));

    [Fact]
    public void Marks_are_rendered_as_mark_elements_only_after_the_text_is_encoded()
    {
        string marked = "\u0002Trump\u0003 said <b>ceasefire</b> & \u0002trump\u0003 again";
        Assert.Equal("<mark>Trump</mark> said &lt;b&gt;ceasefire&lt;/b&gt; &amp; <mark>trump</mark> again", Highlight.Render(marked).ToString());
    }

    static List<string> ArticleTitles(IDocument page) =>
        page.QuerySelectorAll(".search-result a[href^='/articles/'] strong").Select(s => s.TextContent).ToList();

    /// <summary>
    /// Stores articles, each optionally with one quote of Vladimir Putin's, as ingestion stores them: the articles and
    /// their search index entries in one transaction, then their claims.
    /// </summary>
    static async Task StoreAsync(TestApp app, params (string Title, string Text, string? Quote)[] articles)
    {
        await app.WithDbAsync(async db =>
        {
            int speaker = await db.Actors.Where(a => a.Slug == "vladimir-putin").Select(a => a.Id).SingleAsync();
            var stored = articles.Select((a, n) => new Article
            {
                Url = $"https://news.test/{n}", CanonicalUrl = $"https://news.test/{n}", Title = a.Title, Source = "news.test", Text = a.Text,
                PublishedAt = DateTimeOffset.UnixEpoch.AddDays(n), FetchedAt = DateTimeOffset.UnixEpoch.AddDays(n),
            }).ToList();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                foreach (var article in stored)
                {
                    db.Articles.Add(article);
                    await db.SaveChangesAsync(); // one at a time, so that ids follow the order given
                }
                await SearchIndex.AddArticlesAsync(db, [.. stored.Select(a => a.Id)], CancellationToken.None);
                await tx.CommitAsync();
            }
            foreach (var (article, quote) in stored.Zip(articles.Select(a => a.Quote)))
                if (quote is not null)
                    db.Claims.Add(new Claim
                    {
                        ArticleId = article.Id, SpeakerId = speaker, Kind = ClaimKind.Quote, Text = quote,
                        Start = 0, End = quote.Length, SentenceStart = 0, SentenceEnd = quote.Length,
                    });
            await db.SaveChangesAsync();
            return 0;
        });
    }
}
