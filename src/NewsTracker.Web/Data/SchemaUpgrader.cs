using Microsoft.EntityFrameworkCore;

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
    static readonly SchemaStep[] Steps = [];

    public static int LatestVersion => 1 + Steps.Length;

    public static async Task UpgradeAsync(NewsTrackerDb db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Database.EnsureCreatedAsync(ct))
        {
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
            db.SchemaVersions.Add(new SchemaVersion { Version = step.Version, AppliedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    sealed record SchemaStep(int Version, string Why, string[] Sql);
}
