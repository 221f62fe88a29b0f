using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Story;
using Npgsql;

namespace NewsTracker.Web.Data;

/// <summary>Readies the store before anything else uses it: schema, the story's actors and topics, the configured feeds.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsTrackerDb>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        if (db.Database.IsSqlite())
        {
            // SQLite creates the file but not its folder (data/ on a fresh clone).
            var settings = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            if (settings.Mode != SqliteOpenMode.Memory && settings.DataSource is { Length: > 0 } file && file != ":memory:")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                // Write-ahead logging lets pages be read while ingestion writes, and a commit appends to the log instead
                // of rewriting pages: readers no longer hold writers back. The mode is kept in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", ct);
            }
        }

        if (db.Database.IsNpgsql())
        {
            // Instances sharing one PostgreSQL may start together: one at a time creates, upgrades and fills the store.
            // The others wait for the lock as long as that takes (an upgrade can take minutes), not the command timeout.
            await CreatePostgresDatabaseAsync(db, ct);
            db.Database.SetCommandTimeout(0); // none, for this start-up context only
            await PostgresAdvisoryLock.RunAsync(db, PostgresAdvisoryLock.Startup, () => PrepareStoreAsync(scope.ServiceProvider, db, clock, ct), ct);
        }
        else
            await PrepareStoreAsync(scope.ServiceProvider, db, clock, ct);
    }

    static async Task PrepareStoreAsync(IServiceProvider services, NewsTrackerDb db, TimeProvider clock, CancellationToken ct)
    {
        await SchemaUpgrader.UpgradeAsync(db, clock, ct);
        await services.GetRequiredService<StoryCatalog>().SyncAsync(db, ct);

        var configured = services.GetRequiredService<IOptions<IngestionOptions>>().Value.Feeds;
        var known = await db.Feeds.Select(f => f.Url).ToListAsync(ct);
        foreach (var url in configured.Where(u => !string.IsNullOrWhiteSpace(u)).Except(known))
            db.Feeds.Add(new Feed { Url = url, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The database itself must exist before a lock can be taken in it; two instances may both try to create it.</summary>
    static async Task CreatePostgresDatabaseAsync(NewsTrackerDb db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct)) return;
        try { await creator.CreateAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
    }
}
