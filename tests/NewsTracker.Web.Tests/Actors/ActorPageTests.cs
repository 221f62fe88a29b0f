using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Actors;

public sealed class ActorPageTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Actor_page_shows_role_quotes_with_sources_and_events()
    {
        var page = await sample.Client.GetDocumentAsync("/actors/donald-trump");

        Assert.Equal("Donald Trump", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("President of the United States", page.QuerySelector(".profile dl")!.TextContent);

        int claims = await sample.App.WithDbAsync(db => db.Claims.CountAsync(c => c.Speaker!.Slug == "donald-trump"));
        Assert.True(claims > 0);
        var listed = page.QuerySelectorAll("ul.plain li .quote");
        Assert.Equal(claims, listed.Length);
        Assert.Contains(listed, q => q.TextContent.Contains("European nations are going to take a lot of the burden"));
        Assert.NotEmpty(page.QuerySelectorAll(".excerpt a[href^='/articles/']"));
        Assert.Contains("Alaska", page.Body!.TextContent);
    }

    [Fact]
    public async Task Actor_page_shows_who_they_appear_with_a_weekly_chart_and_filters_claims_by_topic()
    {
        var page = await sample.Client.GetDocumentAsync("/actors/vladimir-putin");
        var companions = page.QuerySelectorAll(".companions a").Select(a => a.TextContent).ToList();
        Assert.Contains("Donald Trump", companions);
        Assert.NotNull(page.QuerySelector("figure.chart svg rect.bar"));

        Assert.NotNull(page.QuerySelector("nav.choices a[href='/actors/vladimir-putin?topic=territory']"));
        var filtered = await sample.Client.GetDocumentAsync("/actors/vladimir-putin?topic=territory");
        int expected = await sample.App.WithDbAsync(db => db.Claims.CountAsync(c => c.Speaker!.Slug == "vladimir-putin" && c.Topics.Contains("territory")));
        Assert.True(expected > 0);
        Assert.Equal(expected, filtered.QuerySelectorAll("ul.plain li .quote").Length);
        var unknown = await sample.Client.GetDocumentAsync("/actors/vladimir-putin?topic=weather", HttpStatusCode.NotFound);
        Assert.Contains("weather", unknown.QuerySelector(".note")!.TextContent);
    }

    [Fact]
    public async Task Actors_index_lists_people_named_in_the_sample()
    {
        var page = await sample.Client.GetDocumentAsync("/actors");
        var names = page.QuerySelectorAll(".grid-actors strong").Select(s => s.TextContent).ToList();
        Assert.Contains("Volodymyr Zelenskyy", names);
        Assert.Contains("Marc Fogel", names);
        Assert.DoesNotContain("Tracey Grover", names); // a byline, not an actor
    }

    [Fact]
    public async Task Unknown_actor_is_a_404_that_says_so()
    {
        var page = await sample.Client.GetDocumentAsync("/actors/no-such-person", HttpStatusCode.NotFound);
        Assert.Contains("no-such-person", page.QuerySelector(".note")!.TextContent);
    }
}
