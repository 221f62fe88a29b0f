using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsTracker.Web.Tests.Infrastructure;

/// <summary>A real HTTP server on 127.0.0.1 (Kestrel, random port) that serves good and broken feeds to the ingestor.</summary>
public sealed class TestFeedServer : IAsyncDisposable
{
    readonly WebApplication _app;
    public string BaseUrl { get; }

    TestFeedServer(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public string Url(string path) => BaseUrl + path;

    public static async Task<TestFeedServer> StartAsync(Action<WebApplication> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        routes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestFeedServer(app, address.TrimEnd('/'));
    }

    public static IResult Xml(string body, string contentType = "application/rss+xml; charset=utf-8") =>
        Results.Text(body, contentType);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class SampleFeeds
{
    public static string Rss(params (string Title, string Link, string Body)[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test outlet</title><link>https://news.test/</link>
        {string.Concat(items.Select(i => $"<item><title>{i.Title}</title><link>{i.Link}</link><guid>{i.Link}</guid><pubDate>Tue, 19 Aug 2025 10:00:00 GMT</pubDate><description><![CDATA[{i.Body}]]></description></item>"))}
        </channel></rss>
        """;

    public const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><link>https://evil.test/1</link></item></channel></rss>
        """;
}
