using Microsoft.EntityFrameworkCore;

namespace NewsTracker.Web.Data;

/// <summary>
/// Mutual exclusion across every instance sharing one PostgreSQL database: a session advisory lock held on the
/// context's connection while the work runs. The server releases it if the instance dies, so nothing waits on a dead one.
/// </summary>
public static class PostgresAdvisoryLock
{
    /// <summary>Schema creation and upgrades at start.</summary>
    public const long Startup = 0x4e54_0001;
    /// <summary>Storing articles and extracting their facts (see StoreGate).</summary>
    public const long Store = 0x4e54_0002;

    public static Task RunAsync(NewsTrackerDb db, long key, Func<Task> work, CancellationToken ct) =>
        RunAsync(db, key, async () => { await work(); return true; }, ct);

    public static async Task<T> RunAsync<T>(NewsTrackerDb db, long key, Func<Task<T>> work, CancellationToken ct)
    {
        // The lock belongs to the session, so the connection stays open from lock to unlock.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", ct);
            try { return await work(); }
            finally { await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None); }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
