using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Ingestion;

/// <summary>Only ticks: each tick refreshes the feeds that are due, a few at once, one scope per feed so one failure stays with its feed.</summary>
public sealed class IngestionScheduler(
    IServiceScopeFactory scopes,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<IngestionScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            log.LogInformation("Background ingestion is off (NewsTracker:Ingestion:Enabled = false)");
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Tick, clock);
        do
        {
            try
            {
                await RunDueFeedsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The scheduler must outlive any one bad pass; the next tick tries again.
                log.LogError(e, "Ingestion pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunDueFeedsAsync(CancellationToken ct)
    {
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsTrackerDb>();
            await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexPendingAsync(ct);
            var now = clock.GetUtcNow();
            due = await db.Feeds.Where(f => f.Status == FeedStatus.Active && (f.NextFetchAt == null || f.NextFetchAt <= now))
                .OrderBy(f => f.NextFetchAt).ThenBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentFeeds), CancellationToken = ct };
        await Parallel.ForEachAsync(due, parallel, async (feedId, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsTrackerDb>();
            var feed = await db.Feeds.FindAsync([feedId], token);
            if (feed is not null)
                await scope.ServiceProvider.GetRequiredService<FeedRefresher>().RefreshAsync(feed, token);
        });
    }
}
