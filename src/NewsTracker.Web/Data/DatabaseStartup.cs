using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Story;

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
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }

        await SchemaUpgrader.UpgradeAsync(db, clock, ct);
        await scope.ServiceProvider.GetRequiredService<StoryCatalog>().SyncAsync(db, ct);

        var configured = scope.ServiceProvider.GetRequiredService<IOptions<IngestionOptions>>().Value.Feeds;
        var known = await db.Feeds.Select(f => f.Url).ToListAsync(ct);
        foreach (var url in configured.Where(u => !string.IsNullOrWhiteSpace(u)).Except(known))
            db.Feeds.Add(new Feed { Url = url, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }
}
