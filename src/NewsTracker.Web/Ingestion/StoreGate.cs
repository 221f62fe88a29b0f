using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Ingestion;

/// <summary>
/// Lets one ingestion write articles and their facts at a time. Feeds are fetched, parsed and their pages
/// downloaded concurrently; only the short store-and-index step passes through here. On SQLite that is because
/// it has one writer, and two writers upgrading their read locks at once would fail rather than wait. On
/// PostgreSQL several instances may share the store, so the gate is an advisory lock in the database: the
/// "already stored?" and near-duplicate checks and the insert that follows them are then one step for all instances.
/// </summary>
public sealed class StoreGate
{
    readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(NewsTrackerDb db, Func<Task<T>> write, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await PostgresAdvisoryLock.RunAsync(db, PostgresAdvisoryLock.Store, write, ct);

        await _gate.WaitAsync(ct);
        try { return await write(); }
        finally { _gate.Release(); }
    }
}
