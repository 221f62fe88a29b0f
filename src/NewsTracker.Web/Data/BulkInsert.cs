using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsTracker.Web.Data;

/// <summary>
/// Inserts many rows of one entity type without the change tracker, for rows nothing reads back in the same unit of
/// work (an article's mentions, claims, reports): on SQLite one prepared INSERT stepped per row, on PostgreSQL
/// multi-row INSERTs. SaveChanges cannot batch on SQLite: it builds, sends and tracks one INSERT per row, so an
/// article's hundred facts would cost a hundred trips through EF.
/// Table, columns and value conversions (enums as text, instants as Unix milliseconds, lists) come from the EF
/// model, so a row is written as SaveChanges would write it, on either provider.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Rows per statement on PostgreSQL, where each statement is a round trip: far below its limit of parameters per
    /// statement. SQLite is in-process, so there one prepared single-row statement is stepped per row: it binds its
    /// parameters by name with a linear search, which makes a statement of thousands of parameters cost quadratic time.
    /// </summary>
    const int RowsPerStatement = 500;

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
        int rowsPerStatement = db.Database.IsSqlite() ? 1 : RowsPerStatement;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            DbCommand? command = null;
            try
            {
                for (int first = 0; first < rows.Count; first += rowsPerStatement)
                {
                    int count = Math.Min(rowsPerStatement, rows.Count - first);
                    if (command is null || command.Parameters.Count != count * columns.Count)
                    {
                        if (command is not null) await command.DisposeAsync();
                        command = CreateCommand(db, head, columns, count, skipExisting);
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
        finally
        {
            await db.Database.CloseConnectionAsync();
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
    static DbCommand CreateCommand(DbContext db, string head, List<Column> columns, int rows, bool skipExisting)
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
        if (skipExisting) text.Append(" ON CONFLICT DO NOTHING");
        command.CommandText = text.ToString();
        return command;
    }
}
