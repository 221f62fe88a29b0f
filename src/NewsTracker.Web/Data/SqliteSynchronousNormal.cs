using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsTracker.Web.Data;

/// <summary>
/// Sets each SQLite connection to synchronous = NORMAL, which with write-ahead logging syncs the log at checkpoints
/// instead of at every commit. The store cannot be corrupted either way; a power cut may lose the last commits, which
/// the next poll fetches again. The setting belongs to the connection, so it is made on every open.
/// </summary>
sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public static readonly SqliteSynchronousNormal Instance = new();

    const string Pragma = "PRAGMA synchronous = NORMAL";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(ct);
    }
}
