using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Topics;

public sealed class TopicPageTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Topic_page_lists_each_speakers_claims_on_the_topic_oldest_first()
    {
        var claims = await sample.App.WithDbAsync(db => db.Claims.Where(c => c.Topics.Contains("security-guarantees"))
            .Select(c => new { Speaker = c.Speaker!.Name, c.Article!.PublishedAt }).ToListAsync());
        Assert.NotEmpty(claims);

        var page = await sample.Client.GetDocumentAsync("/topics/security-guarantees");

        Assert.Equal("Security guarantees", page.QuerySelector("h1")!.TextContent);
        var sections = page.QuerySelectorAll("section.event");
        Assert.Equal(claims.Select(c => c.Speaker).Distinct().Count(), sections.Length);
        Assert.Equal(claims.Count, page.QuerySelectorAll("section.event li").Length);
        foreach (var section in sections)
        {
            var dates = section.QuerySelectorAll(".claim-kind").Select(k => DateTime.Parse(k.TextContent.Split('·')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(dates.Order(), dates);
        }
    }

    [Fact]
    public async Task Topics_index_links_every_topic_and_an_unknown_topic_is_a_404()
    {
        var index = await sample.Client.GetDocumentAsync("/topics");
        Assert.Equal(8, index.QuerySelectorAll(".grid-actors a[href^='/topics/']").Length);
        var missing = await sample.Client.GetDocumentAsync("/topics/weather", HttpStatusCode.NotFound);
        Assert.Contains("weather", missing.QuerySelector(".note")!.TextContent);
    }
}
