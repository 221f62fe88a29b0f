using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>Every kind of broken server or document ends in a readable error on its own feed; nothing else is harmed.</summary>
public sealed class BadInputTests
{
    static readonly string GoodFeed = SampleFeeds.Rss(("Zelenskiy meets Trump", "https://news.test/good",
        "<p>Zelenskiy met Trump at the White House to discuss a ceasefire in Ukraine.</p>"));

    static async Task<TestFeedServer> StartBrokenServerAsync() => await TestFeedServer.StartAsync(app =>
    {
        app.MapGet("/good.xml", () => TestFeedServer.Xml(GoodFeed));
        app.MapGet("/500", () => Results.StatusCode(500));
        app.MapGet("/timeout", async (CancellationToken ct) => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return Results.Ok(); });
        app.MapGet("/trickle", async (HttpResponse response, CancellationToken ct) =>
        {
            response.ContentType = "application/rss+xml";
            var bytes = Encoding.UTF8.GetBytes(GoodFeed);
            for (int i = 0; i < bytes.Length && !ct.IsCancellationRequested; i++)
            {
                await response.Body.WriteAsync(bytes.AsMemory(i, 1), ct);
                await response.Body.FlushAsync(ct);
                await Task.Delay(100, ct);
            }
        });
        app.MapGet("/huge", async (HttpResponse response, CancellationToken ct) =>
        {
            response.ContentType = "application/rss+xml"; // no Content-Length: the cap must hold while streaming
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (int i = 0; i < 50 && !ct.IsCancellationRequested; i++)
                await response.Body.WriteAsync(chunk, ct);
        });
        app.MapGet("/html", () => Results.Content("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>", "text/html"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/billion-laughs", () => TestFeedServer.Xml("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
            <rss version="2.0"><channel><title>&lol4;</title></channel></rss>
            """));
        app.MapGet("/truncated", () => TestFeedServer.Xml(GoodFeed[..(GoodFeed.Length / 2)]));
        app.MapGet("/empty", () => Results.Text("", "application/rss+xml"));
        app.MapGet("/xxe", () => TestFeedServer.Xml(SampleFeeds.ExternalEntity));
    });

    [Fact]
    public async Task Each_broken_feed_records_a_readable_error_and_the_good_one_ingests()
    {
        await using var server = await StartBrokenServerAsync();
        var expected = new Dictionary<string, string>
        {
            ["/500"] = "HTTP 500",
            ["/timeout"] = "did not answer within",
            ["/trickle"] = "did not answer within",
            ["/huge"] = "larger than the limit",
            ["/html"] = "HTML",
            ["/loop"] = "too many redirects",
            ["/billion-laughs"] = "DTD",
            ["/truncated"] = "XML error",
            ["/empty"] = "empty",
            ["/xxe"] = "DTD",
        };
        string[] feeds = [server.Url("/good.xml"), .. expected.Keys.Select(server.Url)];
        await using var app = new TestApp(feeds, new()
        {
            ["NewsTracker:Ingestion:HttpTimeout"] = "00:00:03", // short, yet long enough for a busy machine to read 10 MB locally
            ["NewsTracker:Ingestion:MaxConcurrentFeeds"] = "8",
        });

        await app.IngestAsync();

        var byUrl = await app.WithDbAsync(db => db.Feeds.ToDictionaryAsync(f => f.Url));
        Assert.Null(byUrl[feeds[0]].LastError);
        Assert.Equal(1, byUrl[feeds[0]].ItemsStored);
        foreach (var (path, phrase) in expected)
        {
            var error = byUrl[server.Url(path)].LastError;
            Assert.True(error is not null && error.Contains(phrase, StringComparison.OrdinalIgnoreCase),
                $"{path}: expected an error saying “{phrase}”, got “{error}”");
            Assert.DoesNotContain("   at ", error); // a message, not a stack trace
            Assert.True(error.Length < 300, $"{path}: error too long to read: {error}");
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task A_compressed_feed_without_a_declared_length_is_read_whole()
    {
        // A decompressed body has no declared length to size the buffer by, and at 165 KB it arrives in several reads
        // (and still fits the stored text's limit).
        var text = string.Join(' ', Enumerable.Repeat("Zelenskiy met Trump to discuss a ceasefire in Ukraine.", 3000));
        var xml = Encoding.UTF8.GetBytes(SampleFeeds.Rss(("Zelenskiy meets Trump", "https://news.test/gzip", $"<p>{text}</p>")));
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(xml);
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", async (HttpResponse response) =>
        {
            response.ContentType = "application/rss+xml; charset=utf-8";
            response.Headers.ContentEncoding = "gzip";
            response.ContentLength = compressed.Length;
            await response.Body.WriteAsync(compressed.ToArray());
        }));
        await using var app = new TestApp([server.Url("/feed.xml")]);

        await app.IngestAsync();

        Assert.True(compressed.Length < xml.Length / 10);
        Assert.Null((await app.WithDbAsync(db => db.Feeds.SingleAsync())).LastError);
        Assert.Equal(text, await app.WithDbAsync(db => db.Articles.Select(a => a.Text).SingleAsync()));
    }

    [Fact]
    public async Task A_feed_that_breaks_later_keeps_its_stored_articles()
    {
        bool broken = false;
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () =>
            broken ? TestFeedServer.Xml(GoodFeed[..40]) : TestFeedServer.Xml(GoodFeed)));
        await using var app = new TestApp([server.Url("/feed.xml")]);
        await app.IngestAsync();
        var before = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());

        broken = true;
        await app.MakeFeedsDueAsync();
        await app.IngestAsync();

        var after = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());
        Assert.Equal(before.Text, after.Text);
        Assert.Equal(before.Title, after.Title);
        Assert.NotNull((await app.WithDbAsync(db => db.Feeds.SingleAsync())).LastError);
    }

    [Fact]
    public async Task A_feed_on_a_loopback_address_is_refused_unless_allowed()
    {
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/good.xml", () => TestFeedServer.Xml(GoodFeed)));
        await using var app = new TestApp([server.Url("/good.xml")], new() { ["NewsTracker:Ingestion:AllowedPrivateAddresses:0"] = "192.0.2.1" });

        await app.IngestAsync();

        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Contains("refused", feed.LastError);
        Assert.Contains("private", feed.LastError);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }
}
