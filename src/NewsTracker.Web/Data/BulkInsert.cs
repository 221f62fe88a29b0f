using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace NewsTracker.Web.Data;

/// <summary>
/// Inserts many rows of one entity type without the change tracker, for rows nothing reads back in the same unit of
/// work (an article's mentions, claims, reports): on SQLite one native prepared INSERT stepped per row, on PostgreSQL
/// multi-row INSERTs. SaveChanges cannot batch on SQLite: it builds, sends and tracks one INSERT per row, so an
/// article's sixty facts would cost sixty trips through EF.
/// Table, columns and value conversions (enums as text, instants as Unix milliseconds, lists) come from the EF
/// model, so a row is written as SaveChanges would write it, on either provider.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Rows per statement: on PostgreSQL each statement is a round trip, on SQLite each opens a statement savepoint
    /// (see <see cref="InsertNative"/>). Far below either's limit of parameters per statement (65,535 and 32,766) for
    /// the dozen columns a fact row has.
    /// </summary>
    const int RowsPerStatement = 500;

    const int SqliteMaxParameters = 32_766;

    /// <summary>
    /// Inserts the rows in the context's current transaction. Store-generated columns (identity keys) are left to the
    /// database. With <paramref name="skipExisting"/>, a row whose key is already stored is skipped (ON CONFLICT DO NOTHING).
    /// </summary>
    public static async Task InsertAllAsync<T>(this DbContext db, IReadOnlyList<T> rows, bool skipExisting, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => new Column(p, p.GetGetter(), p.GetRelationalTypeMapping())).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        string head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
        string tail = skipExisting ? " ON CONFLICT DO NOTHING" : "";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.GetDbConnection() is SqliteConnection sqlite)
                InsertNative(sqlite, head, tail, columns, rows);
            else
                await InsertInStatementsAsync(db, head, tail, columns, rows, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// SQLite: multi-row INSERTs of up to <see cref="RowsPerStatement"/> rows, each prepared once and its parameters
    /// bound by position, through the native handle Microsoft.Data.Sqlite exposes for this (a SqliteCommand binds every
    /// parameter by name, a search of the statement's names, on each execution). Rows go many to a statement, not one,
    /// because a statement on a table with triggers opens a statement savepoint, and FTS5 writes what it holds in
    /// memory to disk at every savepoint. With a row a statement, each claim became a search index segment of its own,
    /// and storing a claim took 82 µs (33 µs now). The statements run on the connection, so inside its current transaction.
    /// </summary>
    static void InsertNative<T>(SqliteConnection connection, string head, string tail, List<Column> columns, IReadOnlyList<T> rows)
        where T : class
    {
        var handle = connection.Handle!;
        int perStatement = Math.Min(Math.Min(RowsPerStatement, SqliteMaxParameters / columns.Count), rows.Count);
        var statement = Prepare(handle, head, tail, columns.Count, perStatement);
        try
        {
            for (int first = 0; first < rows.Count; first += perStatement)
            {
                int count = Math.Min(perStatement, rows.Count - first);
                if (count < perStatement)
                {
                    statement.Dispose();
                    statement = Prepare(handle, head, tail, columns.Count, count);
                }
                for (int r = 0; r < count; r++)
                    for (int c = 0; c < columns.Count; c++)
                        SqliteException.ThrowExceptionForRC(Bind(statement, r * columns.Count + c + 1, columns[c].ProviderValue(rows[first + r])), handle);
                int rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
        finally
        {
            statement.Dispose();
        }
    }

    /// <summary>An INSERT of <paramref name="rows"/> rows of anonymous positional parameters.</summary>
    static sqlite3_stmt Prepare(sqlite3 handle, string head, string tail, int columns, int rows)
    {
        string row = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
        string text = head + string.Join(", ", Enumerable.Repeat(row, rows)) + tail;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, text, out sqlite3_stmt statement), handle);
        return statement;
    }

    /// <summary>A provider value bound as Microsoft.Data.Sqlite binds it; the fact rows only hold integers, text and nulls.</summary>
    static int Bind(sqlite3_stmt statement, int index, object value) => value switch
    {
        DBNull => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        double d => raw.sqlite3_bind_double(statement, index, d),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"BulkInsert cannot bind a {value.GetType().Name} on SQLite; write it through SaveChanges or add it here as Microsoft.Data.Sqlite binds it."),
    };

    /// <summary>PostgreSQL: multi-row INSERTs of <see cref="RowsPerStatement"/> rows, each one round trip.</summary>
    static async Task InsertInStatementsAsync<T>(DbContext db, string head, string tail, List<Column> columns, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        DbCommand? command = null;
        try
        {
            for (int first = 0; first < rows.Count; first += RowsPerStatement)
            {
                int count = Math.Min(RowsPerStatement, rows.Count - first);
                if (command is null || command.Parameters.Count != count * columns.Count)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = CreateCommand(db, head, tail, columns, count);
                }
                for (int r = 0; r < count; r++)
                    for (int c = 0; c < columns.Count; c++)
                        command.Parameters[r * columns.Count + c].Value = columns[c].ProviderValue(rows[first + r]);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    sealed record Column(IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        /// <summary>The value as the database stores it, after the model's conversion (an enum's name, an instant's milliseconds).</summary>
        public object ProviderValue(object row)
        {
            object? value = Getter.GetClrValueUsingContainingEntity(row);
            if (value is not null && Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }
    }

    /// <summary>An INSERT of <paramref name="rows"/> rows, its parameters typed by the model and their values set per use.</summary>
    static DbCommand CreateCommand(DbContext db, string head, string tail, List<Column> columns, int rows)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder(head);
        for (int r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.Count; c++)
            {
                string name = $"@p{r * columns.Count + c}";
                text.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Property.IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.Append(tail).ToString();
        return command;
    }
}
