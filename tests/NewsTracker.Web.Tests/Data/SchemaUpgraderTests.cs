using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NewsTracker.Web.Data;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Data;

public sealed class SchemaUpgraderTests : IAsyncLifetime
{
    readonly List<SqliteConnection> _connections = [];
    readonly List<string> _postgresDatabases = [];

    NewsTrackerDb OpenDb(StoreProvider provider)
    {
        var options = new DbContextOptionsBuilder<NewsTrackerDb>();
        if (provider == StoreProvider.PostgreSql)
        {
            var database = TestPostgres.NewDatabase();
            _postgresDatabases.Add(database);
            options.UseStore(provider, database);
        }
        else
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            _connections.Add(connection);
            options.UseSqlite(connection);
        }
        return new NewsTrackerDb(options.Options);
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_new_database_is_created_at_the_latest_version(StoreProvider provider)
    {
        await using var db = OpenDb(provider);
        await SchemaUpgrader.UpgradeAsync(db, TimeProvider.System);

        Assert.Equal(SchemaUpgrader.LatestVersion, await db.SchemaVersions.MaxAsync(v => v.Version));
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_version_1_database_upgrades_in_place_with_its_data_intact(StoreProvider provider)
    {
        await using var old = OpenDb(provider);
        if (provider == StoreProvider.PostgreSql)
            await old.GetService<IRelationalDatabaseCreator>().CreateAsync(); // empty, for version 1's tables
        await old.Database.ExecuteSqlRawAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "Schemas",
            provider == StoreProvider.PostgreSql ? "v1.postgresql.sql" : "v1.sql")));
        // The same rows in each dialect: PostgreSQL quotes mixed-case names, has booleans, and keeps lists as arrays.
        await old.Database.ExecuteSqlRawAsync(provider == StoreProvider.PostgreSql
            ? """
              INSERT INTO "SchemaVersions" ("Version", "AppliedAt") VALUES (1, 0);
              INSERT INTO "Feeds" ("Id", "Url", "Title", "Status", "AddedAt", "ConsecutiveErrors", "ItemsStored", "ItemsSkippedOffStory")
                  VALUES (1, 'https://news.test/feed.xml', 'Test outlet', 'Active', 0, 0, 1, 0);
              INSERT INTO "Articles" ("Id", "FeedId", "Guid", "Url", "Title", "Source", "PublishedAt", "FetchedAt", "Text", "ExtractedAt")
                  VALUES (1, 1, 'g1', 'https://news.test/a', 'Talks in Geneva', 'news.test', 1755600000000, 1755600000000, 'Putin said "no".', 1755600000000);
              INSERT INTO "Actors" ("Id", "Slug", "Name", "Kind", "Role", "Aliases", "Discovered") VALUES (1, 'vladimir-putin', 'Vladimir Putin', 'Person', NULL, ARRAY['Putin'], false);
              INSERT INTO "Claims" ("Id", "ArticleId", "SpeakerId", "Kind", "Text", "Start", "End", "SentenceStart", "SentenceEnd", "Topics")
                  VALUES (1, 1, 1, 'Quote', 'no', 12, 14, 0, 16, ARRAY['territory']);
              INSERT INTO "ActorMentions" ("Id", "ArticleId", "ActorId", "Start", "End", "SentenceStart", "SentenceEnd")
                  VALUES (1, 1, 1, 0, 5, 0, 16), (2, 1, 1, 0, 5, 0, 16);
              """
            : """
              INSERT INTO SchemaVersions (Version, AppliedAt) VALUES (1, 0);
              INSERT INTO Feeds (Id, Url, Title, Status, AddedAt, ConsecutiveErrors, ItemsStored, ItemsSkippedOffStory)
                  VALUES (1, 'https://news.test/feed.xml', 'Test outlet', 'Active', 0, 0, 1, 0);
              INSERT INTO Articles (Id, FeedId, Guid, Url, Title, Source, PublishedAt, FetchedAt, Text, ExtractedAt)
                  VALUES (1, 1, 'g1', 'https://news.test/a', 'Talks in Geneva', 'news.test', 1755600000000, 1755600000000, 'Putin said "no".', 1755600000000);
              INSERT INTO Actors (Id, Slug, Name, Kind, Role, Aliases, Discovered) VALUES (1, 'vladimir-putin', 'Vladimir Putin', 'Person', NULL, '["Putin"]', 0);
              INSERT INTO Claims (Id, ArticleId, SpeakerId, Kind, Text, Start, "End", SentenceStart, SentenceEnd, Topics)
                  VALUES (1, 1, 1, 'Quote', 'no', 12, 14, 0, 16, '["territory"]');
              INSERT INTO ActorMentions (Id, ArticleId, ActorId, Start, "End", SentenceStart, SentenceEnd)
                  VALUES (1, 1, 1, 0, 5, 0, 16), (2, 1, 1, 0, 5, 0, 16);
              """);

        await SchemaUpgrader.UpgradeAsync(old, TimeProvider.System);

        Assert.Equal(SchemaUpgrader.LatestVersion, await old.SchemaVersions.MaxAsync(v => v.Version));
        var article = await old.Articles.Include(a => a.Claims).ThenInclude(c => c.Speaker).Include(a => a.Outlets).SingleAsync();
        Assert.Equal("Talks in Geneva", article.Title);
        Assert.Equal("Putin said \"no\".", article.Text);
        Assert.Equal("https://news.test/a", article.CanonicalUrl);
        Assert.Equal(["news.test"], article.Outlets.Select(o => o.Source));
        Assert.Equal("Vladimir Putin", article.Claims.Single().Speaker!.Name);
        Assert.Equal(["Putin"], article.Claims.Single().Speaker!.Aliases);
        var feed = await old.Feeds.SingleAsync();
        Assert.Equal("Test outlet", feed.Title);
        Assert.Null(feed.LeaseOwner);
        // Articles per actor and week are counted from the mentions already there: two mentions, one article.
        var week = await old.ActorWeeks.SingleAsync();
        Assert.Equal((1, new DateOnly(2025, 8, 18), 1), (week.ActorId, ActorWeek.MondayOf(week.Week), week.Articles));
        var topic = await old.ActorTopics.SingleAsync();
        Assert.Equal((1, "territory", 1), (topic.ActorId, topic.TopicSlug, topic.Claims));
        // Each claim's topics, with its speaker and its article's date, from the claims already there.
        // Claims per actor, from the claims already there.
        var actorClaims = await old.ActorClaims.SingleAsync();
        Assert.Equal((1, 1), (actorClaims.ActorId, actorClaims.Claims));
        var claimTopic = await old.ClaimTopics.SingleAsync();
        Assert.Equal((1, "territory", 1, 1, DateTimeOffset.FromUnixTimeMilliseconds(1755600000000), 12),
            (claimTopic.ClaimId, claimTopic.TopicSlug, claimTopic.SpeakerId, claimTopic.ArticleId, claimTopic.PublishedAt, claimTopic.Start));
        // and kept by the triggers the upgrade added: the article still names Putin until its last mention goes.
        await old.ActorMentions.Where(m => m.Id == 1).ExecuteDeleteAsync();
        Assert.Equal(1, await old.ActorWeeks.SumAsync(w => w.Articles));
        await old.ActorMentions.ExecuteDeleteAsync();
        Assert.False(await old.ActorWeeks.AnyAsync());
        await old.Claims.ExecuteDeleteAsync();
        Assert.False(await old.ActorTopics.AnyAsync());
        Assert.False(await old.ClaimTopics.AnyAsync());
        Assert.False(await old.ActorClaims.AnyAsync());
        // The article is in the search index (on PostgreSQL, its vector was computed for the rows already there).
        Assert.Equal([1], await old.Database.SqlQueryRaw<int>(provider == StoreProvider.PostgreSql
            ? """SELECT "Id" AS "Value" FROM "Articles" WHERE "SearchVector" @@ to_tsquery('english', 'geneva')"""
            : "SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH 'geneva'").ToListAsync());

        // The upgraded database has exactly the tables, columns, indexes and triggers a new one gets.
        await using var fresh = OpenDb(provider);
        await SchemaUpgrader.UpgradeAsync(fresh, TimeProvider.System);
        Assert.Equal(await DescribeSchemaAsync(fresh), await DescribeSchemaAsync(old));
    }

    [Fact]
    public async Task A_store_whose_search_index_took_articles_by_trigger_indexes_each_new_article_once()
    {
        // Version 7: a trigger added every inserted article to the search index (and no column a later step adds).
        await using var db = OpenDb(StoreProvider.Sqlite);
        await SchemaUpgrader.UpgradeAsync(db, TimeProvider.System);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER ArticleSearch_Insert AFTER INSERT ON Articles BEGIN INSERT INTO ArticleSearch (rowid, Title, Text) VALUES (new.Id, new.Title, new.Text); END;
            ALTER TABLE Feeds DROP COLUMN LastWarning;
            UPDATE SchemaVersions SET Version = 7;
            """);
        db.ChangeTracker.Clear(); // as a restarted app would find it

        await SchemaUpgrader.UpgradeAsync(db, TimeProvider.System);

        // Stored as ingestion stores a batch: the articles, then their entries in the index, in one transaction.
        var article = new Article
        {
            Url = "https://news.test/a", CanonicalUrl = "https://news.test/a", Title = "Talks in Geneva", Source = "news.test",
            Text = "Envoys met in Geneva.", PublishedAt = DateTimeOffset.UnixEpoch, FetchedAt = DateTimeOffset.UnixEpoch,
        };
        db.Articles.Add(article);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            await NewsTracker.Web.Search.SearchIndex.AddArticlesAsync(db, [article.Id], CancellationToken.None);
            await tx.CommitAsync();
        }
        Assert.Equal([article.Id], await db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH 'Geneva'").ToListAsync());
        // FTS5 compares its index with the articles table: an article indexed twice fails here, as the index is corrupt.
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch (ArticleSearch, rank) VALUES ('integrity-check', 1)");
    }

    [PostgresFact]
    public async Task A_step_that_outlasts_the_command_timeout_is_not_cut_short()
    {
        // A version-9 store: step 10's search columns (and their indexes) and step 11's feed warning are not there yet.
        await using var db = OpenDb(StoreProvider.PostgreSql);
        await SchemaUpgrader.UpgradeAsync(db, TimeProvider.System);
        await db.Database.ExecuteSqlRawAsync("""
            ALTER TABLE "Articles" DROP COLUMN "SearchVector";
            ALTER TABLE "Claims" DROP COLUMN "SearchVector";
            ALTER TABLE "Feeds" DROP COLUMN "LastWarning";
            UPDATE "SchemaVersions" SET "Version" = 9;
            """);
        db.ChangeTracker.Clear(); // as a restarted app would find it
        db.Database.SetCommandTimeout(1);
        // Another session reads the articles for 3 s, so step 10's ALTER TABLE waits that long, as it would take minutes
        // to rewrite a large table.
        await using var reader = new NpgsqlConnection(db.Database.GetConnectionString());
        await reader.OpenAsync();
        var reading = await reader.BeginTransactionAsync();
        await new NpgsqlCommand("""LOCK TABLE "Articles" IN ACCESS SHARE MODE""", reader, reading).ExecuteNonQueryAsync();
        var done = Task.Run(async () => { await Task.Delay(TimeSpan.FromSeconds(3)); await reading.CommitAsync(); });

        await SchemaUpgrader.UpgradeAsync(db, TimeProvider.System);

        await done;
        Assert.Equal(SchemaUpgrader.LatestVersion, await db.SchemaVersions.MaxAsync(v => v.Version));
        Assert.Equal(1, db.Database.GetCommandTimeout()); // the context's own timeout again, for what follows
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_database_from_a_newer_build_is_refused_with_a_clear_error(StoreProvider provider)
    {
        await using var db = OpenDb(provider);
        await SchemaUpgrader.UpgradeAsync(db, TimeProvider.System);
        db.SchemaVersions.Add(new SchemaVersion { Version = SchemaUpgrader.LatestVersion + 1, AppliedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaUpgrader.UpgradeAsync(db, TimeProvider.System));
        Assert.Contains("newer", error.Message);
    }

    /// <summary>
/// Every table with its columns (name, type, not-null), its indexes and triggers (and PostgreSQL's functions, generated
/// columns' expressions and index definitions), in a stable order.
/// </summary>
    static async Task<List<string>> DescribeSchemaAsync(NewsTrackerDb db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return db.Database.IsNpgsql()
                ? await QueryAsync(connection, """
                    SELECT table_name || '.' || column_name || ' ' || data_type || ' notnull=' || (is_nullable = 'NO')::text
                        || coalesce(' generated as ' || generation_expression, '')
                    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name
                    """, """
                    SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname
                    """, """
                    SELECT DISTINCT 'trigger ' || trigger_name || ' on ' || event_object_table || ' ' || event_manipulation
                    FROM information_schema.triggers WHERE trigger_schema = 'public' ORDER BY 1
                    """, """
                    SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1
                    """)
                : await QueryAsync(connection, """
                    SELECT t.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull"
                    FROM sqlite_master t, pragma_table_info(t.name) c
                    WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' ORDER BY t.name, c.name
                    """, """
                    SELECT 'index ' || name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name
                    """, """
                    SELECT 'trigger ' || name || ' on ' || tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name
                    """);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task<List<string>> QueryAsync(DbConnection connection, params string[] queries)
    {
        var lines = new List<string>();
        foreach (var query in queries)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = query;
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        }
        return lines;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) connection.Dispose();
        foreach (var database in _postgresDatabases) await TestPostgres.DropAsync(database);
    }
}
