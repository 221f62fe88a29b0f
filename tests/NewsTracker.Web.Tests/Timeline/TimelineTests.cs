using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Timeline;

public sealed class TimelineTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Home_page_shows_the_sample_events_with_participants_and_excerpts()
    {
        var page = await sample.Client.GetDocumentAsync("/");

        var events = page.QuerySelectorAll("article.event");
        int stored = await sample.App.WithDbAsync(db => db.Events.CountAsync());
        Assert.Equal(stored, events.Length);
        Assert.Contains(events, e => e.TextContent.Contains("Alaska") && e.TextContent.Contains("Vladimir Putin"));
        // Every event shows at least one source excerpt linking to its article.
        Assert.All(events, e => Assert.NotEmpty(e.QuerySelectorAll(".excerpt a[href^='/articles/']")));
    }

    [Fact]
    public async Task Timeline_orders_dated_events_newest_first()
    {
        var page = await sample.Client.GetDocumentAsync("/");
        var ids = page.QuerySelectorAll("article.event").Select(e => int.Parse(e.Id!["event-".Length..])).ToList();
        var dates = await sample.App.WithDbAsync(db => db.Events.ToDictionaryAsync(e => e.Id, e => e.HappenedOn));
        var dated = ids.Where(id => dates[id] is not null).Select(id => dates[id]!.Value).ToList();
        Assert.Equal(dated.OrderByDescending(d => d), dated);
    }

    [Fact]
    public async Task Filtering_by_a_leader_shows_only_events_they_took_part_in()
    {
        var page = await sample.Client.GetDocumentAsync("/?actor=vladimir-putin");

        var events = page.QuerySelectorAll("article.event");
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.NotNull(e.QuerySelector(".participants a[href='/actors/vladimir-putin']")));
        int expected = await sample.App.WithDbAsync(db => db.Events.CountAsync(e => e.Participants.Any(p => p.Actor!.Slug == "vladimir-putin")));
        Assert.Equal(expected, events.Length);
        Assert.NotNull(page.QuerySelector("input[name=actor][value=vladimir-putin][checked]"));
    }

    [Fact]
    public async Task Leader_and_topic_filters_combine()
    {
        int both = await sample.App.WithDbAsync(db => db.Events.CountAsync(e =>
            e.Participants.Any(p => p.Actor!.Slug == "donald-trump") && e.Topics.Any(t => t.TopicSlug == "security-guarantees")));
        int leaderOnly = await sample.App.WithDbAsync(db => db.Events.CountAsync(e => e.Participants.Any(p => p.Actor!.Slug == "donald-trump")));
        Assert.True(both > 0, "the sample should have Trump events on security guarantees");

        var page = await sample.Client.GetDocumentAsync("/?actor=donald-trump&topic=security-guarantees");
        Assert.Equal(both, page.QuerySelectorAll("article.event").Length);
        Assert.True(both <= leaderOnly);
        Assert.Contains($"{both} event", page.QuerySelector(".active-filters")!.TextContent);
    }

    [Fact]
    public async Task Topic_filter_alone_keeps_only_events_on_that_topic()
    {
        var page = await sample.Client.GetDocumentAsync("/?topic=prisoner-exchange");
        var events = page.QuerySelectorAll("article.event");
        Assert.All(events, e => Assert.Contains("Prisoner exchange", e.QuerySelector("p.muted")?.TextContent ?? ""));
    }

    [Fact]
    public async Task Unknown_leader_or_topic_is_a_404_that_says_so()
    {
        var actor = await sample.Client.GetDocumentAsync("/?actor=nobody-at-all", HttpStatusCode.NotFound);
        Assert.Contains("nobody-at-all", actor.QuerySelector(".note")!.TextContent);
        var topic = await sample.Client.GetDocumentAsync("/?topic=weather", HttpStatusCode.NotFound);
        Assert.Contains("weather", topic.QuerySelector(".note")!.TextContent);
    }

    [Fact]
    public async Task A_malformed_page_number_is_a_note_not_an_error()
    {
        var page = await sample.Client.GetDocumentAsync("/?p=abc");
        Assert.Contains("not a page number", page.QuerySelector(".note")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("article.event"));
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var response = await sample.Client.GetAsync("/");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Health_endpoint_reports_healthy()
    {
        Assert.Equal("Healthy", await sample.Client.GetStringAsync("/healthz"));
    }
}
