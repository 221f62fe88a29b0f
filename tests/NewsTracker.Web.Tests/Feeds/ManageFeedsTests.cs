using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Feeds;

public sealed class ManageFeedsTests
{
    const string Password = "correct horse battery staple";

    static TestApp NewApp() => new([], new() { ["NewsTracker:AdminPassword"] = Password });

    static HttpClient Browser(TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts a form the way a browser does: with the antiforgery token from the page that shows it.</summary>
    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(pageUrl));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    static async Task SignInAsync(HttpClient client)
    {
        using var response = await PostFormAsync(client, "/login", "/login", new() { ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Managing_feeds_needs_the_administrator()
    {
        await using var app = NewApp();
        using var client = Browser(app);

        using var anonymous = await client.GetAsync("/feeds/manage");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery);

        using var wrong = await PostFormAsync(client, "/login", "/login", new() { ["Password"] = "guess" });
        Assert.Contains("not right", await wrong.Content.ReadAsStringAsync());

        await SignInAsync(client);
        using var signedIn = await client.GetAsync("/feeds/manage");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected()
    {
        await using var app = NewApp();
        using var client = Browser(app);
        await SignInAsync(client);

        using var forged = await client.PostAsync("/feeds/manage?handler=Add",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["NewFeedUrl"] = "https://example.com/feed" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Feeds.CountAsync()));
    }

    [Fact]
    public async Task Adding_a_feed_fetches_it_once_and_says_why_when_it_cannot_be_read()
    {
        await using var server = await TestFeedServer.StartAsync(app =>
        {
            app.MapGet("/good.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(("Kyiv talks", "https://news.test/1", "<p>Ukraine.</p>"))));
            app.MapGet("/page.html", () => Results.Content("<!DOCTYPE html><html><body><p>Hello</p></body></html>", "text/html"));
        });
        await using var app = NewApp();
        using var client = Browser(app);
        await SignInAsync(client);

        using var malformed = await PostFormAsync(client, "/feeds/manage", "/feeds/manage?handler=Add", new() { ["NewFeedUrl"] = "not a url" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("is not a web address", await malformed.Content.ReadAsStringAsync());

        using var html = await PostFormAsync(client, "/feeds/manage", "/feeds/manage?handler=Add", new() { ["NewFeedUrl"] = server.Url("/page.html") });
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("was not added", await html.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Feeds.CountAsync()));

        using var good = await PostFormAsync(client, "/feeds/manage", "/feeds/manage?handler=Add", new() { ["NewFeedUrl"] = server.Url("/good.xml") });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var feed = await app.WithDbAsync(db => db.Feeds.SingleAsync());
        Assert.Equal("Test outlet", feed.Title);
        Assert.Contains("Added “Test outlet” (1 items)", await client.GetStringAsync("/feeds/manage"));
    }

    [Fact]
    public async Task Adding_a_feed_that_redirects_to_a_non_web_address_says_why()
    {
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/moved", (HttpResponse response) =>
        {
            response.StatusCode = 302;
            response.Headers.Location = "file:///etc/passwd";
        }));
        await using var app = NewApp();
        using var client = Browser(app);
        await SignInAsync(client);

        using var moved = await PostFormAsync(client, "/feeds/manage", "/feeds/manage?handler=Add", new() { ["NewFeedUrl"] = server.Url("/moved") });

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("non-web address", await moved.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Feeds.CountAsync()));
    }

    [Fact]
    public async Task Showing_the_sign_in_form_uses_up_no_attempts()
    {
        await using var app = NewApp();
        using var client = Browser(app);

        for (int i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);

        await SignInAsync(client);
    }

    [Fact]
    public async Task Over_https_the_form_cookies_are_secure()
    {
        await using var app = NewApp();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync("/login");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Pause_resume_and_remove_change_the_feed_and_keep_its_articles()
    {
        await using var server = await TestFeedServer.StartAsync(app =>
            app.MapGet("/good.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(("Kyiv talks", "https://news.test/1", "<p>Ukraine talks in Kyiv.</p>")))));
        await using var app = new TestApp([server.Url("/good.xml")], new() { ["NewsTracker:AdminPassword"] = Password });
        await app.IngestAsync();
        int id = await app.WithDbAsync(db => db.Feeds.Select(f => f.Id).SingleAsync());
        using var client = Browser(app);
        await SignInAsync(client);

        await PostFormAsync(client, "/feeds/manage", $"/feeds/manage?handler=Pause&id={id}", []);
        var paused = await app.WithDbAsync(db => db.Feeds.AsNoTracking().SingleAsync());
        Assert.Equal(FeedStatus.Paused, paused.Status);
        Assert.Equal("paused by the administrator", paused.PausedReason);

        await PostFormAsync(client, "/feeds/manage", $"/feeds/manage?handler=Resume&id={id}", []);
        Assert.Equal(FeedStatus.Active, (await app.WithDbAsync(db => db.Feeds.AsNoTracking().SingleAsync())).Status);

        await PostFormAsync(client, "/feeds/manage", $"/feeds/manage?handler=Remove&id={id}", []);
        Assert.Equal(0, await app.WithDbAsync(db => db.Feeds.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Opml_import_adds_new_feeds_and_export_lists_them()
    {
        await using var app = NewApp();
        using var client = Browser(app);
        await SignInAsync(client);
        const string opml = """
            <?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
              <outline text="World"><outline text="Wire" title="Wire" type="rss" xmlUrl="https://wire.example/rss"/></outline>
              <outline text="Paper" type="rss" xmlUrl="https://paper.example/feed.xml"/>
              <outline text="Local file" type="rss" xmlUrl="file:///etc/passwd"/>
            </body></opml>
            """;

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/feeds/manage"));
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(opml)), "opml", "mine.opml" },
        };
        using var import = await client.PostAsync("/feeds/manage?handler=Import", form);
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Contains("Imported 2 new feeds from mine.opml; 1 skipped", await client.GetStringAsync("/feeds/manage"));

        var exported = await client.GetStringAsync("/feeds/opml");
        Assert.Contains("xmlUrl=\"https://wire.example/rss\"", exported);
        Assert.Contains("xmlUrl=\"https://paper.example/feed.xml\"", exported);
        Assert.DoesNotContain("passwd", exported);
    }
}
