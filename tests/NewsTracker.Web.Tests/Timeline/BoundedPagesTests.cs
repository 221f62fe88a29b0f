using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Timeline;

/// <summary>No response grows with the size of one event or one field: a heavily reported event and a huge title stay small pages.</summary>
public sealed class BoundedPagesTests
{
    const int MaxPageBytes = 300_000;

    [Fact]
    public async Task An_event_with_thousands_of_reports_keeps_the_timeline_the_api_and_its_own_page_small()
    {
        await using var app = new TestApp();
        await app.IngestAsync();
        int eventId = await ManyReports.AddAsync(app, 3000);
        using var client = app.CreateClient();

        foreach (string url in (string[])["/", "/api/events", "/timeline.atom", $"/events/{eventId}", $"/events/{eventId}?p=30"])
        {
            using var response = await client.GetAsync(url);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            Assert.True(body.Length < MaxPageBytes, $"{url} is {body.Length:N0} bytes");
        }
        // The counts still cover every report, not just those shown.
        var page = await client.GetDocumentAsync("/");
        var counts = System.Text.RegularExpressions.Regex.Match(page.QuerySelector($"#event-{eventId} .meta")!.TextContent, @"(\d+) outlets?, (\d+) reports?");
        var (reports, outlets) = await app.WithDbAsync(async db => (
            await db.EventReports.CountAsync(r => r.EventId == eventId),
            await db.EventReports.Where(r => r.EventId == eventId).Select(r => r.Article!.Source).Distinct().CountAsync()));
        Assert.True(reports > 3000);
        Assert.Equal(outlets.ToString(), counts.Groups[1].Value);
        Assert.Equal(reports.ToString(), counts.Groups[2].Value);
        // The note under the shown reports leads to the event's page, which has all of them.
        var note = page.QuerySelector($"#event-{eventId} details p.muted")!;
        Assert.Contains($"The first 5 of {reports} reports are shown", note.TextContent);
        Assert.Equal($"/events/{eventId}", note.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_huge_title_is_stored_cut_and_marked()
    {
        string title = "Zelenskiy meets Trump " + string.Concat(Enumerable.Repeat("and talks go on ", 250_000));
        await using var server = await TestFeedServer.StartAsync(a => a.MapGet("/feed.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(
            (title, "https://news.test/huge", "<p>Zelenskiy met Trump at the White House to discuss a ceasefire in Ukraine.</p>")))));
        await using var app = new TestApp([server.Url("/feed.xml")]);

        await app.IngestAsync();

        var stored = await app.WithDbAsync(db => db.Articles.Select(a => a.Title).SingleAsync());
        Assert.True(stored.Length <= 500, $"title stored with {stored.Length:N0} characters");
        Assert.StartsWith("Zelenskiy meets Trump and talks go on", stored);
        Assert.EndsWith("…", stored);
    }
}
