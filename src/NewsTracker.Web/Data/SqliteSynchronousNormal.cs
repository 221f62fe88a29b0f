using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsTracker.Web.Data;

/// <summary>
/// Sets each SQLite connection to synchronous = NORMAL, which with write-ahead logging syncs the log at checkpoints
/// instead of at every commit. The store cannot be corrupted either way; a power cut may lose the last commits, which
/// the next poll fetches again. The setting belongs to the native connection, which the pool keeps open across
/// SqliteConnection objects, so it is made once per native connection rather than on every open (EF opens and
/// closes a connection around most queries).
/// </summary>
sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public static readonly SqliteSynchronousNormal Instance = new();

    const string Pragma = "PRAGMA synchronous = NORMAL";

    /// <summary>Native connections already set; entries go when the pool closes a connection and it is collected.</summary>
    readonly ConditionalWeakTable<object, object> done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(ct);
    }

    bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || done.TryAdd(handle, this);
}
