using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Pages.Topics;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Topics;

public sealed class TopicPageTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Topic_page_shows_each_speakers_latest_claims_on_the_topic_oldest_first()
    {
        var claims = await sample.App.WithDbAsync(db => db.Claims.Where(c => c.Topics.Contains("security-guarantees"))
            .Select(c => new { Speaker = c.Speaker!.Name, c.Text, c.Article!.PublishedAt, c.ArticleId, c.Start }).ToListAsync());
        Assert.NotEmpty(claims);

        var page = await sample.Client.GetDocumentAsync("/topics/security-guarantees");

        Assert.Equal("Security guarantees", page.QuerySelector("h1")!.TextContent);
        var bySpeaker = claims.GroupBy(c => c.Speaker).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var sections = page.QuerySelectorAll("section.event");
        Assert.Equal(bySpeaker.Take(DetailsModel.ShownSpeakers).Select(g => g.Key), sections.Select(s => s.QuerySelector("h2 a")!.TextContent));
        foreach (var (section, said) in sections.Zip(bySpeaker))
        {
            Assert.Equal($"({said.Count()})", section.QuerySelector("h2 .muted")!.TextContent);
            // The latest few, shown oldest first (and in text order within one article).
            var expected = said.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.ArticleId).ThenBy(c => c.Start)
                .Take(DetailsModel.ClaimsPerSpeaker)
                .OrderBy(c => c.PublishedAt).ThenBy(c => c.ArticleId).ThenBy(c => c.Start).Select(c => c.Text);
            Assert.Equal(expected, section.QuerySelectorAll(".quote").Select(q => q.TextContent.Trim()));
        }
    }

    [Fact]
    public async Task Each_claim_cites_the_sentence_it_was_said_in()
    {
        var page = await sample.Client.GetDocumentAsync("/topics/security-guarantees");
        var articles = new Dictionary<int, AngleSharp.Dom.IDocument>();
        var claims = page.QuerySelectorAll("section.event li");
        Assert.NotEmpty(claims);
        foreach (var claim in claims)
        {
            var (articleId, start) = Citations.In(claim).Single();
            string? sentence = await Citations.SentenceAsync(sample.Client, articles, articleId, start);
            Assert.True(sentence is not null, $"/articles/{articleId} has no element #s{start}");
            Assert.Contains(Citations.Squash(claim.QuerySelector(".quote")!.TextContent), Citations.Squash(sentence));
        }
    }

    [Fact]
    public async Task Topics_index_counts_claims_per_topic_links_every_topic_and_an_unknown_topic_is_a_404()
    {
        var claimTopics = await sample.App.WithDbAsync(db => db.Claims.Select(c => c.Topics).ToListAsync());
        var index = await sample.Client.GetDocumentAsync("/topics");
        var links = index.QuerySelectorAll(".grid-actors a[href^='/topics/']");
        Assert.Equal(8, links.Length);
        var security = links.Single(a => a.GetAttribute("href") == "/topics/security-guarantees").ParentElement!.TextContent;
        int expected = claimTopics.Count(t => t.Contains("security-guarantees"));
        Assert.Contains($"{expected} claims", security);
        var missing = await sample.Client.GetDocumentAsync("/topics/weather", HttpStatusCode.NotFound);
        Assert.Contains("weather", missing.QuerySelector(".note")!.TextContent);
    }
}
