using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Export;
using NewsTracker.Web.Ingestion;

namespace NewsTracker.Web.Commands;

/// <summary>
/// The app's command-line forms: <c>ingest &lt;feed&gt;...</c> (one ingestion pass, then exit),
/// <c>export &lt;file&gt;</c>, <c>copy-store --to &lt;connection string&gt;</c>, <c>parse-feed &lt;url or file&gt;</c> and <c>extract-bench &lt;folder&gt;</c>.
/// </summary>
public static class CommandLine
{
    public static bool IsStoreCommand(string[] args) => args is ["ingest", ..] or ["export", ..] or ["copy-store", ..];

    public static async Task<int> RunStandaloneAsync(string[] args) => args switch
    {
        ["parse-feed", var location] => await ParseFeedCommand.RunAsync(location),
        ["extract-bench", ..] => ExtractBenchCommand.Run(args[1..]),
        _ => Usage(),
    };

    public static async Task<int> RunWithStoreAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args)
        {
            case ["export", var path]:
                await using (var file = File.Create(path))
                    await services.GetRequiredService<StoryExport>().WriteAsync(file, CancellationToken.None);
                var db = services.GetRequiredService<NewsTrackerDb>();
                Console.WriteLine($"Wrote {path}: {await db.Articles.CountAsync()} articles, {await db.Events.CountAsync()} events, {await db.Actors.CountAsync()} actors.");
                return 0;

            case ["ingest", _, ..]:
                return await IngestAsync(services, args[1..]);

            case ["copy-store", "--to", var target]:
                return await CopyStoreCommand.RunAsync(services.GetRequiredService<NewsTrackerDb>(), target,
                    services.GetRequiredService<TimeProvider>(), Console.Out, CancellationToken.None);

            default:
                return Usage();
        }
    }

    /// <summary>One pass over the given feeds (added to the store if new); exit code 1 when any feed failed.</summary>
    static async Task<int> IngestAsync(IServiceProvider services, string[] locations)
    {
        var db = services.GetRequiredService<NewsTrackerDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var refresher = services.GetRequiredService<FeedRefresher>();
        // Articles an interrupted run stored but did not finish extracting.
        var indexer = services.GetRequiredService<ArticleIndexer>();
        await services.GetRequiredService<StoreGate>().RunAsync(db, () => indexer.IndexPendingAsync(CancellationToken.None), CancellationToken.None);

        int failures = 0;
        foreach (var location in locations)
        {
            var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Url == location);
            if (feed is null)
            {
                feed = new Feed { Url = location, AddedAt = clock.GetUtcNow() };
                db.Feeds.Add(feed);
                await db.SaveChangesAsync();
            }
            var result = await refresher.RefreshAsync(feed, CancellationToken.None);
            if (result.Succeeded)
                Console.WriteLine(result.NotModified ? $"{location}: not modified since the last fetch"
                    : $"{location}: {result.Stored} new, {result.Seen} already stored, {result.Duplicates} copies of stored articles, {result.OffStory} off-story");
            else
            {
                failures++;
                Console.Error.WriteLine($"{location}: {result.Error}");
            }
        }
        return failures == 0 ? 0 : 1;
    }

    static int Usage()
    {
        Console.Error.WriteLine("""
            usage: dotnet run --project src/NewsTracker.Web [-- command]
              (no command)                 run the web app
              ingest <feed url or file>... one ingestion pass over these feeds, then exit
              export <file.json>           write the store as JSON (the shape of GET /api/export)
              copy-store --to <connection string>
                                           copy the store into an empty PostgreSQL database and compare counts
              parse-feed <url or file>     print a feed as the parser sees it, or its error
              extract-bench <folder> [--out predictions.json]
                                           score main-text extraction on html/<id>.html.gz + ground-truth.json
            """);
        return 2;
    }
}
