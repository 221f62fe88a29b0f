using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Pages.Articles;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Articles;

public sealed class ArticlePageTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Article_page_marks_each_claim_with_its_speaker_and_links_the_original()
    {
        var article = await sample.App.WithDbAsync(db => db.Articles.Where(a => a.Url == "https://example.org/seeds/001").SingleAsync());
        var claims = await sample.App.WithDbAsync(db => db.Claims.Where(c => c.ArticleId == article.Id).Include(c => c.Speaker).ToListAsync());

        var page = await sample.Client.GetDocumentAsync($"/articles/{article.Id}");

        Assert.Equal(article.Title, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='https://example.org/seeds/001']"));
        var marks = page.QuerySelectorAll("mark.claim");
        Assert.NotEmpty(marks);
        foreach (var mark in marks)
        {
            var speaker = mark.QuerySelector("a.who")!;
            string quoted = mark.TextContent[..^speaker.TextContent.Length];
            Assert.Contains(claims, c => c.Text == quoted && c.Speaker!.Name == speaker.TextContent);
        }
    }

    [Fact]
    public async Task Article_page_links_mentions_to_actor_pages_and_lists_the_events_it_reports()
    {
        var article = await sample.App.WithDbAsync(db => db.Articles.Where(a => a.Url == "https://example.org/seeds/003").SingleAsync());
        var page = await sample.Client.GetDocumentAsync($"/articles/{article.Id}");

        var mentions = page.QuerySelectorAll("a.mention").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Contains("/actors/marc-fogel", mentions);
        var events = await sample.App.WithDbAsync(db => db.EventReports.Where(r => r.ArticleId == article.Id).Select(r => r.EventId).Distinct().ToListAsync());
        Assert.NotEmpty(events);
        Assert.Equal(events.Select(id => $"/events/{id}").Order(), page.QuerySelectorAll("section.note li a").Select(a => a.GetAttribute("href")).Order());
    }

    [Fact]
    public async Task Every_sentence_its_events_and_claims_came_from_has_an_element_holding_it()
    {
        var article = await sample.App.WithDbAsync(db => db.Articles.Where(a => a.Url == "https://example.org/seeds/002").SingleAsync());
        var cited = await sample.App.WithDbAsync(async db =>
            (await db.EventReports.Where(r => r.ArticleId == article.Id).Select(r => new { r.SentenceStart, r.SentenceEnd }).ToListAsync())
            .Concat(await db.Claims.Where(c => c.ArticleId == article.Id).Select(c => new { c.SentenceStart, c.SentenceEnd }).ToListAsync())
            .Distinct().ToList());
        Assert.NotEmpty(cited);

        var page = await sample.Client.GetDocumentAsync($"/articles/{article.Id}");

        foreach (var sentence in cited)
        {
            var element = page.GetElementById($"s{sentence.SentenceStart}");
            Assert.True(element is not null, $"no element #s{sentence.SentenceStart}");
            Assert.Equal("sentence", element.ClassName);
            foreach (var label in element.QuerySelectorAll(".who")) label.Remove();
            Assert.Equal(article.Text[sentence.SentenceStart..sentence.SentenceEnd], element.TextContent);
        }
        Assert.Equal(cited.Select(c => c.SentenceStart).Distinct().Count(), page.QuerySelectorAll(".article-body .sentence").Length);
    }

    /// <summary>Renders the paragraphs as the page does and parses them back.</summary>
    static AngleSharp.Dom.IElement Rendered(string text, IReadOnlyList<Mark> marks, IReadOnlyList<CitedSentence> sentences)
    {
        using var html = new StringWriter();
        foreach (var paragraph in DetailsModel.Segment(text, marks, sentences))
        {
            html.Write("<p>");
            DetailsModel.Render(paragraph).WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
            html.Write("</p>");
        }
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<div>{html}</div>").Body!.FirstElementChild!;
        foreach (var label in body.QuerySelectorAll(".who").ToList()) label.Remove();
        return body;
    }

    [Fact]
    public void Overlapping_sentences_and_a_claim_across_a_sentence_edge_keep_every_anchor_and_every_character()
    {
        const string text = "Trump spoke. \"We will help. They are first,\" he said.\n\nZelenskiy agreed. It ends here.";
        int quote = text.IndexOf("We will"), quoteEnd = text.IndexOf(",\" he");
        int claimSentence = text.IndexOf('"'), claimSentenceEnd = text.IndexOf("\n\n");
        int inner = text.IndexOf("They"); // a report's sentence that starts inside the quote
        int second = text.IndexOf("Zelenskiy"), last = text.IndexOf("It ends");
        var claim = new Mark(quote, quoteEnd, ClaimKind.Quote, "Donald Trump", "donald-trump");
        var sentences = new List<CitedSentence>
        {
            new(claimSentence, claimSentenceEnd),
            new(inner, claimSentenceEnd),
            new(claimSentenceEnd + 1, second + 5), // starts between the paragraphs
            new(last, text.Length + 40),            // runs past the text
            new(second, last + 3),                  // overlaps the next one
        };

        var body = Rendered(text, [claim], sentences);

        // No character is lost or repeated, whatever was cut.
        Assert.Equal(text.Replace("\n\n", ""), string.Concat(body.Children.Select(p => p.TextContent)));
        // Every cited sentence has its one element, starting where the sentence starts (or at the next paragraph, for one
        // starting between two), though one overlapping another is cut short.
        foreach (var s in sentences)
        {
            var elements = body.QuerySelectorAll($"#s{s.Start}");
            Assert.Single(elements);
            int from = s.Start > claimSentenceEnd && s.Start < second ? second : s.Start;
            Assert.NotEmpty(elements[0].TextContent);
            Assert.StartsWith(elements[0].TextContent, text[from..]);
        }
        Assert.Equal(text[claimSentence..claimSentenceEnd], body.QuerySelector($"#s{claimSentence}")!.TextContent);
        Assert.Equal(text[inner..claimSentenceEnd], body.QuerySelector($"#s{inner}")!.TextContent);
        // The quote is cut at the inner sentence's start: one mark on each side, the speaker named once, after the last.
        var pieces = body.QuerySelectorAll("mark.claim");
        Assert.Equal(2, pieces.Length);
        Assert.Equal(text[quote..quoteEnd], string.Concat(pieces.Select(m => m.TextContent)));
        Assert.Same(body.QuerySelector($"#s{inner}"), pieces[1].ParentElement);
    }

    [Fact]
    public void A_speaker_label_follows_a_claim_cut_by_a_sentence_once()
    {
        const string text = "\"One. Two,\" Zelenskiy said.";
        var claim = new Mark(1, text.IndexOf(','), ClaimKind.Quote, "Volodymyr Zelenskyy", "volodymyr-zelenskyy");
        using var html = new StringWriter();
        var paragraph = DetailsModel.Segment(text, [claim], [new CitedSentence(text.IndexOf("Two"), text.Length)]).Single();
        DetailsModel.Render(paragraph).WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html.ToString());
        Assert.Single(doc.QuerySelectorAll("a.who"));
        Assert.Equal(2, doc.QuerySelectorAll("mark.claim").Length);
        Assert.NotNull(doc.QuerySelector($"#s{text.IndexOf("Two")} mark.claim a.who"));
    }

    [Fact]
    public async Task Article_text_and_title_are_html_encoded()
    {
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(
            ("Kyiv &lt;script&gt;alert(1)&lt;/script&gt; talks", "https://news.test/x",
             "<p>Zelenskiy said in Kyiv: \"&lt;script&gt;alert(2)&lt;/script&gt; is what we reject.\"</p>")))));
        await using var app = new TestApp([server.Url("/feed.xml")]);
        await app.IngestAsync();
        int id = await app.WithDbAsync(db => db.Articles.Select(a => a.Id).SingleAsync());

        var html = await app.CreateClient().GetStringAsync($"/articles/{id}");

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)", html);
    }
}
