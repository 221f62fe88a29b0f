using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsTracker.Core.Feeds;
using NewsTracker.Web.Ingestion;

namespace NewsTracker.Web.Commands;

/// <summary><c>parse-feed &lt;url or file&gt;</c>: prints the feed as the parser sees it, for anyone debugging a feed.</summary>
public static class ParseFeedCommand
{
    public static async Task<int> RunAsync(string location)
    {
        // Whoever debugs a feed from the command line may point it at a local server.
        var options = new IngestionOptions { AllowedPrivateAddresses = ["127.0.0.1", "::1"] };
        using var http = new HttpClient(DocumentFetcher.CreateHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(DocumentFetcher.UserAgent);
        var fetcher = new DocumentFetcher(http, Options.Create(options));
        object report;
        int exit = 0;
        try
        {
            var document = await fetcher.FetchAsync(location, CancellationToken.None);
            var feed = FeedParser.Parse(document.Body, document.ContentType);
            report = new
            {
                title = feed.Title,
                link = feed.Link,
                encoding = feed.Encoding,
                droppedCharacters = feed.DroppedCharacterCount,
                items = feed.Items.Select(i => new
                {
                    title = i.Title,
                    link = i.Link,
                    id = i.Id,
                    published = i.Published,
                    author = i.Author,
                    summaryLength = i.Summary?.Length ?? 0,
                    contentLength = i.Content?.Length ?? 0,
                }),
            };
        }
        catch (Exception e) when (e is FetchException or FeedParseException)
        {
            report = new { error = e.Message };
            exit = 1;
        }
        Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // for a human at a terminal, not for HTML
        }));
        return exit;
    }
}
