using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Search;

namespace NewsTracker.Web.Data;

/// <summary>
/// Creates the schema on first start and upgrades an existing database in place, keeping its data.
/// A new database is created from the current model and stamped with the latest version; an older one
/// gets each missing step in order, each in its own transaction. To change the schema: change the model,
/// then append a step that brings a database of the previous version to the new one (the tests check that
/// an upgraded database ends up with the same tables and columns as a fresh one).
/// </summary>
public static class SchemaUpgrader
{
    /// <summary>Version 1 is the schema the first release created; every later version is one step here.</summary>
    static readonly SchemaStep[] Steps =
    [
        new(2, "Conditional GET, adaptive polling and pausing for feeds; canonical URLs, text fingerprints and outlets for one-article-once",
        [
            "ALTER TABLE Feeds ADD COLUMN ItemsDuplicate INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE Feeds ADD COLUMN ETag TEXT NULL",
            "ALTER TABLE Feeds ADD COLUMN LastModified TEXT NULL",
            "ALTER TABLE Feeds ADD COLUMN PollIntervalSeconds INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE Feeds ADD COLUMN PausedReason TEXT NULL",
            "ALTER TABLE Articles ADD COLUMN CanonicalUrl TEXT NOT NULL DEFAULT ''",
            "UPDATE Articles SET CanonicalUrl = Url",
            "ALTER TABLE Articles ADD COLUMN Fingerprint INTEGER NULL",
            "CREATE INDEX IX_Articles_CanonicalUrl ON Articles (CanonicalUrl)",
            "CREATE INDEX IX_Articles_Fingerprint ON Articles (Fingerprint)",
            """
            CREATE TABLE ArticleOutlets (
                Id INTEGER NOT NULL CONSTRAINT PK_ArticleOutlets PRIMARY KEY AUTOINCREMENT,
                ArticleId INTEGER NOT NULL CONSTRAINT FK_ArticleOutlets_Articles_ArticleId REFERENCES Articles (Id) ON DELETE CASCADE,
                FeedId INTEGER NULL CONSTRAINT FK_ArticleOutlets_Feeds_FeedId REFERENCES Feeds (Id) ON DELETE SET NULL,
                Url TEXT NOT NULL,
                Source TEXT NOT NULL,
                SeenAt INTEGER NOT NULL)
            """,
            "CREATE INDEX IX_ArticleOutlets_ArticleId ON ArticleOutlets (ArticleId)",
            "CREATE INDEX IX_ArticleOutlets_FeedId ON ArticleOutlets (FeedId)",
            "INSERT INTO ArticleOutlets (ArticleId, FeedId, Url, Source, SeenAt) SELECT Id, FeedId, Url, Source, FetchedAt FROM Articles",
        ],
        // Fingerprints are computed in code, from each stored text.
        async (db, ct) =>
        {
            foreach (var article in await db.Articles.Where(a => a.Fingerprint == null).ToListAsync(ct))
                article.Fingerprint = NewsTracker.Core.ArticleText.TextFingerprint.Of(article.Text);
            await db.SaveChangesAsync(ct);
        }),
        new(3, "Full-text search over articles and claims (FTS5)", [.. SearchIndex.CreateSql, .. SearchIndex.RebuildSql]),
    ];

    /// <summary>Schema outside the EF model (full-text indexes), created for a new database right after the model's tables.</summary>
    static readonly string[] OutsideModelSql = SearchIndex.CreateSql;

    public static int LatestVersion => 1 + Steps.Length;

    public static async Task UpgradeAsync(NewsTrackerDb db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Database.EnsureCreatedAsync(ct))
        {
            foreach (var sql in OutsideModelSql)
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            db.SchemaVersions.Add(new SchemaVersion { Version = LatestVersion, AppliedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            return;
        }

        int current = await db.SchemaVersions.MaxAsync(v => (int?)v.Version, ct) ?? 1;
        if (current > LatestVersion)
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({LatestVersion}). Run a newer NewsTracker.");

        foreach (var step in Steps.Where(s => s.Version > current))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var sql in step.Sql)
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            if (step.Data is not null)
                await step.Data(db, ct);
            db.SchemaVersions.Add(new SchemaVersion { Version = step.Version, AppliedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>One upgrade: its schema statements, then optionally code that fills new columns from existing data.</summary>
    sealed record SchemaStep(int Version, string Why, string[] Sql, Func<NewsTrackerDb, CancellationToken, Task>? Data = null);
}
