using Microsoft.Data.Sqlite;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>SQLite's write-ahead log is emptied after every pass, even while readers keep reading.</summary>
public sealed class WriteAheadLogTests : IDisposable
{
    readonly string file = Path.Combine(Path.GetTempPath(), $"newstracker-wal-{Guid.NewGuid():N}.db");

    long WalBytes => new FileInfo(file + "-wal") is { Exists: true } wal ? wal.Length : 0;

    [Fact]
    public async Task The_log_is_emptied_after_each_pass_though_a_reader_read_during_it()
    {
        await using var app = new TestApp(settings: new() { ["ConnectionStrings:NewsTracker"] = $"Data Source={file}" });
        using var client = app.CreateClient();
        // A reader whose snapshot is older than the pass's writes: SQLite's automatic checkpoints cannot restart the
        // log while such a snapshot is held, so the log kept every pass's writes.
        await using var reader = new SqliteConnection($"Data Source={file}");
        await reader.OpenAsync();
        await using (var begin = reader.CreateCommand())
        {
            begin.CommandText = "BEGIN; SELECT count(*) FROM Articles;";
            await begin.ExecuteScalarAsync();
        }

        var pass = app.IngestAsync();
        await Task.Delay(200);
        await using (var end = reader.CreateCommand())
        {
            end.CommandText = "COMMIT";
            await end.ExecuteNonQueryAsync(); // the reader finishes while the pass runs, as a page request would
        }
        await pass;

        Assert.Contains("Alaska", await client.GetStringAsync("/"));
        Assert.Equal(0, WalBytes);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
