using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Timeline;
using NewsTracker.Web.Tests.Infrastructure;
using EventPage = NewsTracker.Web.Pages.Events.DetailsModel;

namespace NewsTracker.Web.Tests.Events;

public sealed class EventPageTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Event_page_shows_what_where_when_and_every_report_by_outlet_with_its_sentence()
    {
        var expectedOrder = await ExpectedParticipants.OfEveryEventAsync(sample.App);
        var events = await sample.App.WithDbAsync(db => db.Events.Select(e => new
        {
            e.Id, e.Type, e.Place, e.Planned, e.HappenedOn, e.DatePrecision, e.FirstReportedAt,
            Reports = e.Reports.Select(r => new { r.ArticleId, r.SentenceStart, r.Article!.Source, Sentence = r.Article.Text.Substring(r.SentenceStart, r.SentenceEnd - r.SentenceStart) }).ToList(),
        }).ToListAsync());
        Assert.NotEmpty(events);

        foreach (var e in events)
        {
            var page = await sample.Client.GetDocumentAsync($"/events/{e.Id}");

            string title = EventTitles.Of(e.Type, expectedOrder[e.Id], e.Place);
            Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
            Assert.StartsWith(title + " · ", page.Title);
            var facts = page.QuerySelector("dl.facts")!;
            Assert.Equal(e.Type.ToString(), Fact(facts, "What"));
            Assert.Equal(e.Place ?? "Not reported", Fact(facts, "Where"));
            Assert.Contains(EventTitles.When(e.HappenedOn, e.DatePrecision, e.Planned, "dddd d MMMM yyyy"), Fact(facts, "When"));
            Assert.Contains(e.Planned ? "Planned" : "Held", Fact(facts, "When"));
            Assert.Equal(e.FirstReportedAt.ToString("d MMMM yyyy, HH:mm 'UTC'"), Fact(facts, "First reported"));

            // Every report, under its outlet, with its sentence and a citation of that sentence in its article.
            var outlets = page.QuerySelectorAll("section.outlet");
            Assert.Equal(e.Reports.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal), outlets.Select(o => o.GetAttribute("aria-label")!));
            var shown = outlets.SelectMany(o => o.QuerySelectorAll(".excerpt").Select(x => (
                Outlet: o.GetAttribute("aria-label"),
                Sentence: x.QuerySelector("blockquote")!.TextContent,
                Citation: Citations.In(x).Single()))).ToList();
            Assert.Equal(
                e.Reports.Select(r => (Outlet: (string?)r.Source, r.Sentence, Citation: (r.ArticleId, r.SentenceStart))).OrderBy(r => r.Citation),
                shown.OrderBy(r => r.Citation));
        }
    }

    static string Fact(IElement facts, string name) =>
        Citations.Squash(facts.QuerySelectorAll("dt").Single(dt => dt.TextContent == name).NextElementSibling!.TextContent);

    [Fact]
    public async Task Event_page_lists_participants_principals_first_and_the_timelines_key_quotes()
    {
        var expectedOrder = await ExpectedParticipants.OfEveryEventAsync(sample.App);
        // Without an event whose principals are not first in the alphabet, this test could not tell the orders apart.
        Assert.NotEmpty(ExpectedParticipants.NotAlphabetical(expectedOrder));
        var timeline = await sample.Client.GetDocumentAsync("/");
        int withQuotes = 0;

        foreach (var (id, names) in expectedOrder)
        {
            var page = await sample.Client.GetDocumentAsync($"/events/{id}");
            Assert.Equal(names, page.QuerySelectorAll(".participant-list li a").Select(a => a.TextContent));
            if (names.Count == 0) Assert.NotNull(page.QuerySelector("section[aria-labelledby=participants] .empty"));

            // The quotes said there are the ones the timeline shows with the event, citing the same sentences.
            static List<string> Quotes(IElement scope) => scope.QuerySelectorAll(".key-quote")
                .Select(q => $"{q.QuerySelector("q")!.TextContent} | {q.QuerySelector("a[href^='/actors/']")!.TextContent} | {q.QuerySelector("a[href^='/articles/']")!.GetAttribute("href")}").ToList();
            var onPage = Quotes(page.QuerySelector("section[aria-labelledby=quotes]")!);
            Assert.Equal(Quotes(timeline.GetElementById($"event-{id}")!), onPage);
            if (onPage.Count == 0) Assert.NotNull(page.QuerySelector("section[aria-labelledby=quotes] .empty"));
            withQuotes += onPage.Count > 0 ? 1 : 0;
        }
        Assert.True(withQuotes > 0, "no event of the sample has key quotes");
    }

    [Fact]
    public async Task An_unknown_event_is_the_sites_404()
    {
        int missing = await sample.App.WithDbAsync(db => db.Events.MaxAsync(e => e.Id)) + 1;
        var page = await sample.Client.GetDocumentAsync($"/events/{missing}", HttpStatusCode.NotFound);
        Assert.Equal("Not found", page.QuerySelector("h1")!.TextContent);
        Assert.Contains($"No event {missing}", page.QuerySelector(".note")!.TextContent);
        Assert.NotNull(page.QuerySelector("footer.site"));

        var malformed = await sample.Client.GetDocumentAsync("/events/summit", HttpStatusCode.NotFound);
        Assert.Equal("Not found", malformed.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_event_with_thousands_of_reports_is_paged_and_every_report_is_on_one_page()
    {
        await using var app = new TestApp();
        await app.IngestAsync();
        int eventId = await ManyReports.AddAsync(app, 3000);
        var expected = await app.WithDbAsync(db => db.EventReports.Where(r => r.EventId == eventId)
            .OrderBy(r => r.Article!.Source).ThenBy(r => r.Article!.PublishedAt).ThenBy(r => r.Id)
            .Select(r => new { r.ArticleId, r.SentenceStart, r.Article!.Source }).ToListAsync());
        using var client = app.CreateClient();
        int pages = (expected.Count + EventPage.ReportsPerPage - 1) / EventPage.ReportsPerPage;

        var seen = new List<(int, int)>();
        var outletsSeen = new List<string>();
        string? url = $"/events/{eventId}";
        for (int n = 1; url is not null; n++)
        {
            using var response = await client.GetAsync(url);
            string html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Length < 300_000, $"{url} is {html.Length:N0} characters");
            var page = await client.GetDocumentAsync(url);
            Assert.Contains($"Page {n} of {pages}", page.QuerySelector("nav.pager")!.TextContent);
            var reports = page.QuerySelectorAll("section.outlet .excerpt");
            Assert.InRange(reports.Length, 1, EventPage.ReportsPerPage);
            seen.AddRange(reports.Select(x => Citations.In(x).Single()));
            outletsSeen.AddRange(reports.Select(x => x.Closest("section.outlet")!.GetAttribute("aria-label")!));
            Assert.Contains($"{expected.Count} reports", page.QuerySelector("dl.facts")!.TextContent);
            url = page.QuerySelectorAll("nav.pager a").FirstOrDefault(a => a.TextContent.Contains("Next"))?.GetAttribute("href");
        }
        Assert.Equal(expected.Select(r => (r.ArticleId, r.SentenceStart)), seen);
        Assert.Equal(expected.Select(r => r.Source), outletsSeen);

        var malformed = await client.GetDocumentAsync($"/events/{eventId}?p=first");
        Assert.Contains("“first” is not a page number", malformed.QuerySelector(".note")!.TextContent);
        var beyond = await client.GetDocumentAsync($"/events/{eventId}?p=999");
        Assert.Contains("There is no page 999", beyond.QuerySelector(".note")!.TextContent);
        Assert.Contains($"Page {pages} of {pages}", beyond.QuerySelector("nav.pager")!.TextContent);
    }
}
