using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NewsTracker.Web.Data;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>Several app instances sharing one PostgreSQL, as a deployment behind a load balancer would run them.</summary>
public sealed class SharedStoreTests
{
    // Four feeds of 30 items; neighbouring feeds share 10 items (the same links), and each feed also carries
    // another feed's item under another outlet's URL (the same text): 90 articles, 94 outlets.
    const int FeedCount = 4;
    const int UniqueArticles = 90;
    const int Copies = FeedCount;

    static string Feed(int k)
    {
        var items = Enumerable.Range(k * 20, 30).Select(n => GeneratedArticles.Item(n % UniqueArticles)).ToList();
        int copied = ((k + 2) % FeedCount) * 20 + 1;
        items.Add((GeneratedArticles.Title(copied), $"https://copy{k}.test/story/{copied}", "<p>By a staff reporter</p>" + GeneratedArticles.Body(copied)));
        return SampleFeeds.Rss([.. items]);
    }

    [PostgresFact]
    public async Task Two_instances_ingesting_the_same_feeds_at_once_fetch_each_feed_once_and_store_every_article_once()
    {
        var fetches = new ConcurrentDictionary<int, int>();
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feeds/{k:int}.xml", (int k) =>
        {
            fetches.AddOrUpdate(k, 1, (_, count) => count + 1);
            return TestFeedServer.Xml(Feed(k));
        }));
        string[] feeds = [.. Enumerable.Range(0, FeedCount).Select(k => server.Url($"/feeds/{k}.xml"))];
        await using var first = new TestApp(feeds, provider: StoreProvider.PostgreSql);
        await using var second = new TestApp(feeds, sharingStoreOf: first);

        // Both start at once on a new database (creation and upgrade take turns), then both run a pass at once.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
        await Task.WhenAll(Task.Run(first.IngestAsync), Task.Run(second.IngestAsync));

        Assert.Equal(Enumerable.Repeat(1, FeedCount), Enumerable.Range(0, FeedCount).Select(k => fetches.GetValueOrDefault(k)));
        await AssertEveryArticleOnceAsync(first, UniqueArticles, UniqueArticles + Copies);
        var byFeed = await first.WithDbAsync(db => db.Feeds.AsNoTracking().ToListAsync());
        Assert.Equal(FeedCount, byFeed.Count);
        Assert.Equal(UniqueArticles, byFeed.Sum(f => f.ItemsStored));
        Assert.Equal(Copies, byFeed.Sum(f => f.ItemsDuplicate));
        Assert.All(byFeed, f => Assert.Null(f.LeaseOwner));

        // Every instance serves pages from the shared store.
        foreach (var app in new[] { first, second })
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateClient().GetAsync("/")).StatusCode);
    }

    [PostgresFact]
    public async Task Two_instances_refreshing_one_feed_at_the_same_moment_store_each_article_once()
    {
        // As when a lease expired while its holder was still at work: both refresh the same feed, past the leases.
        var items = Enumerable.Range(0, 40).Select(GeneratedArticles.Item).ToArray();
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(SampleFeeds.Rss(items))));
        await using var first = new TestApp([server.Url("/feed.xml")], provider: StoreProvider.PostgreSql);
        await using var second = new TestApp([server.Url("/feed.xml")], sharingStoreOf: first);
        _ = first.Server;
        _ = second.Server;

        var results = await Task.WhenAll(RefreshAsync(first), RefreshAsync(second));

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(items.Length, results.Sum(r => r.Stored));
        await AssertEveryArticleOnceAsync(first, items.Length, items.Length);
    }

    [PostgresFact]
    public async Task An_instance_starting_while_another_holds_the_start_up_turn_waits_past_its_command_timeout()
    {
        // Another instance holds the turn for 3 s, as one upgrading a large store holds it for minutes; this one's
        // commands time out after 1 s.
        string store = TestPostgres.NewDatabase();
        try
        {
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store) { Database = "postgres" }.ConnectionString))
            {
                await admin.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(store).Database}\"", admin).ExecuteNonQueryAsync();
            }
            await using var other = new NpgsqlConnection(store);
            await other.OpenAsync();
            await new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresAdvisoryLock.Startup})", other).ExecuteNonQueryAsync();
            var done = Task.Run(async () => { await Task.Delay(TimeSpan.FromSeconds(3)); await other.CloseAsync(); });

            await using var app = new TestApp(provider: StoreProvider.PostgreSql,
                settings: new() { ["ConnectionStrings:NewsTracker"] = store + ";Command Timeout=1" });
            _ = app.Server; // starts, waiting for its turn

            await done;
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateClient().GetAsync("/")).StatusCode);
        }
        finally
        {
            await TestPostgres.DropAsync(store);
        }
    }

    static Task<RefreshResult> RefreshAsync(TestApp app) => Task.Run(async () =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsTrackerDb>();
        return await scope.ServiceProvider.GetRequiredService<FeedRefresher>().RefreshAsync(await db.Feeds.SingleAsync(), CancellationToken.None);
    });

    static async Task AssertEveryArticleOnceAsync(TestApp app, int articles, int outlets)
    {
        var (count, distinctUrls, pending, outletCount, distinctOutlets) = await app.WithDbAsync(async db => (
            await db.Articles.CountAsync(), await db.Articles.Select(a => a.CanonicalUrl).Distinct().CountAsync(),
            await db.Articles.CountAsync(a => a.ExtractedAt == null),
            await db.ArticleOutlets.CountAsync(), await db.ArticleOutlets.Select(o => o.Url).Distinct().CountAsync()));
        Assert.Equal(articles, count);
        Assert.Equal(articles, distinctUrls);
        Assert.Equal(0, pending);
        Assert.Equal(outlets, outletCount);
        Assert.Equal(outlets, distinctOutlets);
    }
}
