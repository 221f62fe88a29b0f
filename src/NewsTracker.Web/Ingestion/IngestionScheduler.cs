using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Ingestion;

/// <summary>
/// Only ticks: each tick refreshes the feeds that are due, a few at once, one scope per feed so one failure stays
/// with its feed. Each feed is claimed just before its refresh (see FeedLeases), so instances sharing the store
/// split the due feeds between them and a claim is held only while its feed is being refreshed.
/// </summary>
public sealed class IngestionScheduler(
    IServiceScopeFactory scopes,
    FeedLeases leases,
    StoreGate gate,
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
            // Articles stored by a pass that was interrupted (a crash, a kill) before their facts were extracted.
            var indexer = scope.ServiceProvider.GetRequiredService<ArticleIndexer>();
            await gate.RunAsync(db, () => indexer.IndexPendingAsync(ct), ct);
            due = await leases.DueAsync(db, ct);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentFeeds), CancellationToken = ct };
        await Parallel.ForEachAsync(due, parallel, async (feedId, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsTrackerDb>();
            if (!await leases.TryClaimAsync(db, feedId, token)) return; // another instance has it, or has just done it
            try
            {
                var feed = await db.Feeds.FindAsync([feedId], token);
                if (feed is not null)
                    await scope.ServiceProvider.GetRequiredService<FeedRefresher>().RefreshAsync(feed, token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // The refresher records its feed's failures itself; this is the last guard that keeps an escaped
                // exception from cancelling the pass's other feeds.
                log.LogError(e, "Refreshing feed {FeedId} failed", feedId);
            }
            finally
            {
                await leases.ReleaseAsync(db, feedId, CancellationToken.None);
            }
        });

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsTrackerDb>();
            if (db.Database.IsSqlite())
                await gate.RunAsync(db, () => CheckpointAsync(db, ct), ct);
        }
    }

    /// <summary>
    /// Moves the pass's writes from SQLite's write-ahead log into the database and empties the log. SQLite's own
    /// automatic checkpoints cannot restart the log while any reader holds an older snapshot, so with readers always
    /// on the pages the log grew by every pass and every read slowed with it. This one waits for the readers that
    /// started before it (SQLite's busy handler; the pragma reports busy in its result rather than as an error, so
    /// Microsoft.Data.Sqlite's own retries never see it), and new readers never block it.
    /// </summary>
    async Task CheckpointAsync(NewsTrackerDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {(int)CheckpointWait.TotalMilliseconds}; PRAGMA wal_checkpoint(TRUNCATE);";
            await using var result = await command.ExecuteReaderAsync(ct);
            if (await result.ReadAsync(ct) && result.GetInt64(0) != 0)
                log.LogWarning("The write-ahead log could not be emptied: readers held older snapshots for {Wait}", CheckpointWait);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static readonly TimeSpan CheckpointWait = TimeSpan.FromSeconds(10);
}
