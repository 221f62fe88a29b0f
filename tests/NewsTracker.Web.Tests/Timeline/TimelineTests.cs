using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Events;
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
    public async Task Each_entry_lists_its_participants_principals_first()
    {
        var expected = await ExpectedParticipants.OfEveryEventAsync(sample.App);
        Assert.NotEmpty(ExpectedParticipants.NotAlphabetical(expected));

        var page = await sample.Client.GetDocumentAsync("/");

        var entries = page.QuerySelectorAll("article.event");
        Assert.Equal(expected.Count, entries.Length);
        foreach (var entry in entries)
            Assert.Equal(expected[int.Parse(entry.Id!["event-".Length..])], entry.QuerySelectorAll(".participants a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Each_entrys_title_leads_to_the_event_page()
    {
        var page = await sample.Client.GetDocumentAsync("/");

        foreach (var entry in page.QuerySelectorAll("article.event"))
        {
            var title = entry.QuerySelector("h3 a")!;
            Assert.Equal($"/events/{entry.Id!["event-".Length..]}", title.GetAttribute("href"));
            var eventPage = await sample.Client.GetDocumentAsync(title.GetAttribute("href")!);
            Assert.Equal(title.TextContent, eventPage.QuerySelector("h1")!.TextContent);
        }
    }

    [Fact]
    public async Task Every_excerpt_and_key_quote_cites_its_sentence_which_the_article_page_anchors()
    {
        var page = await sample.Client.GetDocumentAsync("/");
        var articles = new Dictionary<int, AngleSharp.Dom.IDocument>();
        var excerpts = page.QuerySelectorAll("article.event .excerpt");
        var quotes = page.QuerySelectorAll("article.event .key-quote");
        Assert.NotEmpty(excerpts);
        Assert.NotEmpty(quotes);

        foreach (var excerpt in excerpts)
        {
            // The excerpt's article link names the sentence's start; the article page's element of that id holds it.
            var (articleId, start) = Citations.In(excerpt).Single();
            string? sentence = await Citations.SentenceAsync(sample.Client, articles, articleId, start);
            Assert.True(sentence is not null, $"/articles/{articleId} has no element #s{start}");
            Assert.Equal(Citations.Squash(excerpt.QuerySelector("blockquote")!.TextContent), Citations.Squash(sentence));
        }
        foreach (var quote in quotes)
        {
            var (articleId, start) = Citations.In(quote).Single();
            string? sentence = await Citations.SentenceAsync(sample.Client, articles, articleId, start);
            Assert.True(sentence is not null, $"/articles/{articleId} has no element #s{start}");
            Assert.Contains(Citations.Squash(quote.QuerySelector("q")!.TextContent), Citations.Squash(sentence));
        }
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
    public async Task Date_range_keeps_events_that_happened_within_it_and_a_malformed_date_is_a_note()
    {
        var page = await sample.Client.GetDocumentAsync("/?from=2025-08-01&to=2025-08-31");
        var ids = page.QuerySelectorAll("article.event").Select(e => int.Parse(e.Id!["event-".Length..])).ToList();
        var dates = await sample.App.WithDbAsync(db => db.Events.ToDictionaryAsync(e => e.Id, e => e.HappenedOn));
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.InRange(dates[id]!.Value, new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 31)));
        Assert.Equal(dates.Values.Count(d => d >= new DateOnly(2025, 8, 1) && d <= new DateOnly(2025, 8, 31)), ids.Count);

        var month = await sample.Client.GetDocumentAsync("/?from=2025-02&to=2025-02");
        Assert.All(month.QuerySelectorAll("article.event"), e => Assert.Contains("2025", e.ParentElement!.QuerySelector("h2")!.TextContent));

        var malformed = await sample.Client.GetDocumentAsync("/?from=yesterday");
        Assert.Contains("not a date", malformed.QuerySelector(".note")!.TextContent);
        Assert.Equal(dates.Count, malformed.QuerySelectorAll("article.event").Length);
    }

    [Fact]
    public async Task Words_and_outlet_filters_narrow_the_timeline()
    {
        var words = await sample.Client.GetDocumentAsync("/?q=Alaska");
        var events = words.QuerySelectorAll("article.event");
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Contains(e.QuerySelectorAll(".excerpt blockquote"), b => b.TextContent.Contains("Alaska", StringComparison.OrdinalIgnoreCase)));

        var outlet = await sample.Client.GetDocumentAsync("/?outlet=example.org");
        Assert.Equal(await sample.App.WithDbAsync(db => db.Events.CountAsync()), outlet.QuerySelectorAll("article.event").Length);
        var elsewhere = await sample.Client.GetDocumentAsync("/?outlet=nowhere.test");
        Assert.Empty(elsewhere.QuerySelectorAll("article.event"));
        Assert.NotNull(elsewhere.QuerySelector(".empty"));
    }

    [Fact]
    public async Task Events_show_key_quotes_from_their_participants()
    {
        var page = await sample.Client.GetDocumentAsync("/");
        var withQuotes = page.QuerySelectorAll("article.event").Where(e => e.QuerySelector(".key-quote") is not null).ToList();
        Assert.NotEmpty(withQuotes);
        foreach (var e in withQuotes)
        {
            var participants = e.QuerySelectorAll(".participants a").Select(a => a.TextContent).ToHashSet();
            Assert.All(e.QuerySelectorAll(".key-quote a[href^='/actors/']"), a => Assert.Contains(a.TextContent, participants));
        }
    }

    [Fact]
    public async Task The_filtered_timeline_is_an_atom_feed_too()
    {
        var page = await sample.Client.GetDocumentAsync("/?actor=vladimir-putin");
        var feedUrl = page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href")!;
        Assert.Equal("/timeline.atom?actor=vladimir-putin", feedUrl);

        using var response = await sample.Client.GetAsync(feedUrl);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var atom = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";
        var entries = atom.Root!.Elements(ns + "entry").ToList();
        Assert.Equal(page.QuerySelectorAll("article.event").Length, entries.Count);
        Assert.All(entries, e => Assert.Contains("Vladimir Putin", e.Element(ns + "title")!.Value));
        Assert.Contains("Vladimir Putin", atom.Root.Element(ns + "title")!.Value);

        using var unknown = await sample.Client.GetAsync("/timeline.atom?topic=weather");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Empty_form_fields_redirect_to_the_clean_url()
    {
        using var client = sample.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/?actor=vladimir-putin&outlet=&from=&to=&q=");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?actor=vladimir-putin", response.Headers.Location!.OriginalString);
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

    [Fact]
    public async Task Filters_offer_the_leaders_and_topics_of_a_store_filled_after_the_first_visit()
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();
        var before = await client.GetDocumentAsync("/"); // a newcomer's first look, before the sample is ingested
        Assert.Empty(before.QuerySelectorAll("input[name=actor]"));

        await app.IngestAsync();

        var after = await client.GetDocumentAsync("/");
        Assert.Contains(after.QuerySelectorAll("input[name=actor]"), i => i.GetAttribute("value") == "vladimir-putin");
        Assert.NotEmpty(after.QuerySelectorAll("input[name=topic]"));
    }
}
