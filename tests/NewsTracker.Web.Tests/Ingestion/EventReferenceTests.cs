using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>A passing reference to an event ("the discussions at the White House") reports a stored event, and never makes one.</summary>
public sealed class EventReferenceTests
{
    static string Body(string sentence) => "<p>" + sentence + " " + string.Join(' ', Enumerable.Repeat("Officials spoke of a ceasefire in Ukraine.", 25)) + "</p>";

    [Fact]
    public async Task A_reference_joins_the_event_at_its_place_and_makes_none_alone()
    {
        string feed = SampleFeeds.Rss(
            ("Meeting", "https://news.test/1", Body("Donald Trump met Volodymyr Zelenskyy at the White House on Monday to discuss Ukraine.")),
            ("Reference", "https://news.test/2", Body("The plan for Ukraine was drafted after discussions at the White House.")),
            ("Unknown place", "https://news.test/3", Body("The plan for Ukraine was discussed during talks in Reykjavik.")));
        await using var server = await TestFeedServer.StartAsync(a => a.MapGet("/feed.xml", () => TestFeedServer.Xml(feed)));
        await using var app = new TestApp([server.Url("/feed.xml")]);

        await app.IngestAsync();

        var events = await app.WithDbAsync(db => db.Events.Select(e => new { e.Place, Reports = e.Reports.Select(r => r.Article!.Url).ToList() }).ToListAsync());
        var e = Assert.Single(events);
        Assert.Equal("White House", e.Place);
        Assert.Equal(["https://news.test/1", "https://news.test/2"], e.Reports.Order());
    }
}
