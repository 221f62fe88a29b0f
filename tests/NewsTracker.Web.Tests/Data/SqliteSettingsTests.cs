using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Tests.Data;

public sealed class SqliteSettingsTests : IDisposable
{
    readonly string file = Path.Combine(Path.GetTempPath(), $"newstracker-settings-{Guid.NewGuid():N}.db");

    NewsTrackerDb Open() => new(new DbContextOptionsBuilder<NewsTrackerDb>().UseStore(StoreProvider.Sqlite, $"Data Source={file}").Options);

    static async Task<long> SynchronousAsync(NewsTrackerDb db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    [Fact]
    public async Task Every_connection_the_store_opens_syncs_normally_pooled_or_new()
    {
        const long Normal = 1; // SQLite's default is FULL (2)
        for (int i = 0; i < 3; i++)
        {
            // The first open sets it; the pool hands the same native connection to the next contexts, which keep it.
            await using var db = Open();
            Assert.Equal(Normal, await SynchronousAsync(db));
        }
        // A new native connection (the pool emptied) is set again.
        SqliteConnection.ClearAllPools();
        await using (var db = Open())
            Assert.Equal(Normal, await SynchronousAsync(db));
        // Two connections open at once are both set.
        await using var first = Open();
        await using var second = Open();
        await first.Database.OpenConnectionAsync();
        Assert.Equal(Normal, await SynchronousAsync(second));
        Assert.Equal(Normal, await SynchronousAsync(first));
        await first.Database.CloseConnectionAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
