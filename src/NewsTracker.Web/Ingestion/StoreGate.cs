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

    /// <summary>
    /// A short write outside the store step (a feed's lease). SQLite has one writer, and a second one finds the file
    /// busy and is retried only after a sleep (150 ms in Microsoft.Data.Sqlite), so this instance's writes take turns
    /// here instead. PostgreSQL makes concurrent writers wait on row locks, so there they run at once.
    /// </summary>
    public Task<T> WriteAsync<T>(NewsTrackerDb db, Func<Task<T>> write, CancellationToken ct) =>
        db.Database.IsNpgsql() ? write() : InTurnAsync(db, write, ct);

    public Task RunAsync(NewsTrackerDb db, Func<Task> write, CancellationToken ct) =>
        RunAsync(db, async () => { await write(); return true; }, ct);

    public Task<T> RunAsync<T>(NewsTrackerDb db, Func<Task<T>> write, CancellationToken ct) =>
        db.Database.IsNpgsql() ? PostgresAdvisoryLock.RunAsync(db, PostgresAdvisoryLock.Store, write, ct) : InTurnAsync(db, write, ct);

    /// <summary>
    /// This instance's writes, one at a time, on one connection opened for the whole step. Otherwise EF opens and
    /// closes one around each of its dozens of queries and commands, and each open on SQLite registers EF's SQL
    /// functions on the native connection again.
    /// </summary>
    async Task<T> InTurnAsync<T>(NewsTrackerDb db, Func<Task<T>> write, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            try { return await write(); }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        finally { _gate.Release(); }
    }
}
