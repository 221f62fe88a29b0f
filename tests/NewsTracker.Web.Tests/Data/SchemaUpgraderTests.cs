using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Tests.Data;

public sealed class SchemaUpgraderTests : IDisposable
{
    readonly List<SqliteConnection> _connections = [];

    NewsTrackerDb OpenDb()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        _connections.Add(connection);
        return new NewsTrackerDb(new DbContextOptionsBuilder<NewsTrackerDb>().UseSqlite(connection).Options);
    }

    [Fact]
    public async Task A_new_database_is_created_at_the_latest_version()
    {
        await using var db = OpenDb();
        await SchemaUpgrader.UpgradeAsync(db, TimeProvider.System);

        Assert.Equal(SchemaUpgrader.LatestVersion, await db.SchemaVersions.MaxAsync(v => v.Version));
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task A_version_1_database_upgrades_in_place_with_its_data_intact()
    {
        await using var old = OpenDb();
        await old.Database.ExecuteSqlRawAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "Schemas", "v1.sql")));
        await old.Database.ExecuteSqlRawAsync("""
            INSERT INTO SchemaVersions (Version, AppliedAt) VALUES (1, 0);
            INSERT INTO Feeds (Id, Url, Title, Status, AddedAt, ConsecutiveErrors, ItemsStored, ItemsSkippedOffStory)
                VALUES (1, 'https://news.test/feed.xml', 'Test outlet', 'Active', 0, 0, 1, 0);
            INSERT INTO Articles (Id, FeedId, Guid, Url, Title, Source, PublishedAt, FetchedAt, Text, ExtractedAt)
                VALUES (1, 1, 'g1', 'https://news.test/a', 'Talks in Geneva', 'news.test', 1755600000000, 1755600000000, 'Putin said "no".', 1755600000000);
            INSERT INTO Actors (Id, Slug, Name, Kind, Role, Aliases, Discovered) VALUES (1, 'vladimir-putin', 'Vladimir Putin', 'Person', NULL, '["Putin"]', 0);
            INSERT INTO Claims (Id, ArticleId, SpeakerId, Kind, Text, Start, "End", SentenceStart, SentenceEnd, Topics)
                VALUES (1, 1, 1, 'Quote', 'no', 12, 14, 0, 16, '[]');
            """);

        await SchemaUpgrader.UpgradeAsync(old, TimeProvider.System);

        Assert.Equal(SchemaUpgrader.LatestVersion, await old.SchemaVersions.MaxAsync(v => v.Version));
        var article = await old.Articles.Include(a => a.Claims).ThenInclude(c => c.Speaker).SingleAsync();
        Assert.Equal("Talks in Geneva", article.Title);
        Assert.Equal("Putin said \"no\".", article.Text);
        Assert.Equal("Vladimir Putin", article.Claims.Single().Speaker!.Name);
        Assert.Equal(["Putin"], article.Claims.Single().Speaker!.Aliases);
        Assert.Equal("Test outlet", (await old.Feeds.SingleAsync()).Title);

        // The upgraded database has exactly the tables and columns a new one gets.
        await using var fresh = OpenDb();
        await SchemaUpgrader.UpgradeAsync(fresh, TimeProvider.System);
        Assert.Equal(await DescribeSchemaAsync(fresh), await DescribeSchemaAsync(old));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_with_a_clear_error()
    {
        await using var db = OpenDb();
        await SchemaUpgrader.UpgradeAsync(db, TimeProvider.System);
        db.SchemaVersions.Add(new SchemaVersion { Version = SchemaUpgrader.LatestVersion + 1, AppliedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaUpgrader.UpgradeAsync(db, TimeProvider.System));
        Assert.Contains("newer", error.Message);
    }

    /// <summary>Every table with its columns (name, type, not-null) and its indexes, in a stable order.</summary>
    static async Task<List<string>> DescribeSchemaAsync(NewsTrackerDb db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var tables = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var description = new List<string>();
        foreach (var table in tables)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}') ORDER BY name";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) description.Add($"{table}.{reader.GetString(0)} {reader.GetString(1)} notnull={reader.GetInt64(2)}");
        }
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) description.Add("index " + reader.GetString(0));
        }
        return description;
    }

    public void Dispose()
    {
        foreach (var connection in _connections) connection.Dispose();
    }
}
