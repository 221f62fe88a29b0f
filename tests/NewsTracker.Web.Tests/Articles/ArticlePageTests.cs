using Microsoft.EntityFrameworkCore;
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
        Assert.NotEmpty(page.QuerySelectorAll("section.note li a[href^='/#event-']"));
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
