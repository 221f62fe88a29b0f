using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Commands;

/// <summary>
/// <c>copy-store --to "&lt;PostgreSQL connection string&gt;"</c>: copies the configured store (a SQLite file, say) into an
/// empty PostgreSQL database, keeping every id, then compares each table's row count in both. The copy is one
/// transaction, committed only when every count agrees, so a failed copy leaves the target as it was.
/// </summary>
public static class CopyStoreCommand
{
    public static async Task<int> RunAsync(NewsTrackerDb source, string targetConnectionString, TimeProvider clock, TextWriter output, CancellationToken ct)
    {
        await using var target = new NewsTrackerDb(new DbContextOptionsBuilder<NewsTrackerDb>()
            .UseStore(StoreProvider.PostgreSql, targetConnectionString).Options);
        await SchemaUpgrader.UpgradeAsync(target, clock, ct);
        var existing = await CountsAsync(target, ct);
        if (existing.Any(t => t.Table != "SchemaVersions" && t.Rows > 0))
        {
            output.WriteLine($"The target already holds data ({string.Join(", ", existing.Where(t => t.Rows > 0).Select(t => $"{t.Table}: {t.Rows}"))}); copy into an empty database.");
            return 1;
        }

        await using var tx = await target.Database.BeginTransactionAsync(ct);
        // Parents before children, so every foreign key finds its row. SchemaVersions is not copied: the target has its own.
        await CopyAsync<Feed>(source, target, ct);
        await CopyAsync<Actor>(source, target, ct);
        await CopyAsync<Topic>(source, target, ct);
        await CopyAsync<Event>(source, target, ct);
        await CopyAsync<Article>(source, target, ct);
        await CopyAsync<ArticleOutlet>(source, target, ct);
        await CopyAsync<ActorMentionRow>(source, target, ct);
        await CopyAsync<Claim>(source, target, ct);
        await CopyAsync<EventParticipant>(source, target, ct);
        await CopyAsync<EventReport>(source, target, ct);
        await CopyAsync<EventTopic>(source, target, ct);
        await CopyAsync<ArticleTopic>(source, target, ct);
        await ContinueIdentitiesAfterCopiedIdsAsync(target, ct);

        var from = await CountsAsync(source, ct);
        var to = (await CountsAsync(target, ct)).ToDictionary(t => t.Table, t => t.Rows);
        output.WriteLine($"{"table",-20} {"source",10} {"target",10}");
        bool same = true;
        foreach (var (table, rows) in from.Where(t => t.Table != "SchemaVersions"))
        {
            long copied = to.GetValueOrDefault(table);
            same &= copied == rows;
            output.WriteLine($"{table,-20} {rows,10} {copied,10}{(copied == rows ? "" : "  DIFFERENT")}");
        }
        if (!same)
        {
            output.WriteLine("The counts differ: nothing was committed to the target.");
            return 1;
        }
        await tx.CommitAsync(ct);
        output.WriteLine("Copied; the counts agree.");
        return 0;
    }

    static async Task CopyAsync<T>(NewsTrackerDb source, NewsTrackerDb target, CancellationToken ct) where T : class
    {
        const int batch = 1000;
        int pending = 0;
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            target.Add(row);
            if (++pending < batch) continue;
            await target.SaveChangesAsync(ct);
            target.ChangeTracker.Clear();
            pending = 0;
        }
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
    }

    /// <summary>Rows were inserted with their own ids, which PostgreSQL's identity sequences do not see: move each past the highest.</summary>
    static async Task ContinueIdentitiesAfterCopiedIdsAsync(NewsTrackerDb target, CancellationToken ct)
    {
        foreach (var entity in target.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is not [var id] || id.ValueGenerated != ValueGenerated.OnAdd || id.ClrType != typeof(int))
                continue;
            string table = entity.GetTableName()!, column = id.GetColumnName();
            // Names from the model, not from input.
            string sql = $"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'), COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)""";
            await target.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    /// <summary>Every table's row count, by the model's table names (quoted the same way in SQLite and PostgreSQL).</summary>
    static async Task<List<(string Table, long Rows)>> CountsAsync(NewsTrackerDb db, CancellationToken ct)
    {
        var counts = new List<(string, long)>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal))
        {
            string sql = $"""SELECT COUNT(*) AS "Value" FROM "{table}" """; // a name from the model, not from input
            counts.Add((table, await db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct)));
        }
        return counts;
    }
}
