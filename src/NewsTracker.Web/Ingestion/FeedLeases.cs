using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Ingestion;

/// <summary>
/// Makes each feed fetched by one instance at a time when several share a store. An instance claims a due feed
/// by writing its name and an expiry into the feed's row with a conditional update, which the database lets only
/// one instance win; it clears the claim when the refresh is done. A claim left by an instance that died expires
/// after <see cref="IngestionOptions.FeedLease"/>.
/// </summary>
public sealed class FeedLeases(IOptions<IngestionOptions> options, StoreGate gate, TimeProvider clock)
{
    /// <summary>This instance's name in LeaseOwner: host, process and a random part, so two hosts in one process differ too.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The feeds due now that no instance holds, in the order they are due.</summary>
    public Task<List<int>> DueAsync(NewsTrackerDb db, CancellationToken ct) =>
        Due(db.Feeds, clock.GetUtcNow()).OrderBy(f => f.NextFetchAt).ThenBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);

    /// <summary>
    /// Claims the feed if it is still due and unheld. The conditions are checked by the update itself: of instances
    /// racing for one feed, the database lets exactly one change the row, and the others see 0 rows.
    /// </summary>
    public async Task<bool> TryClaimAsync(NewsTrackerDb db, int feedId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? until = now + options.Value.FeedLease;
        return await gate.WriteAsync(db, () => Due(db.Feeds.Where(f => f.Id == feedId), now).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.LeaseOwner, Owner)
            .SetProperty(f => f.LeaseExpiresAt, until), ct), ct) == 1;
    }

    public Task ReleaseAsync(NewsTrackerDb db, int feedId, CancellationToken ct) =>
        gate.WriteAsync(db, () => db.Feeds.Where(f => f.Id == feedId && f.LeaseOwner == Owner).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.LeaseOwner, (string?)null)
            .SetProperty(f => f.LeaseExpiresAt, (DateTimeOffset?)null), ct), ct);

    static IQueryable<Feed> Due(IQueryable<Feed> feeds, DateTimeOffset now) =>
        feeds.Where(f => f.Status == FeedStatus.Active
            && (f.NextFetchAt == null || f.NextFetchAt <= now)
            && (f.LeaseExpiresAt == null || f.LeaseExpiresAt <= now));
}
