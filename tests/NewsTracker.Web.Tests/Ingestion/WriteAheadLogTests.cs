using Microsoft.Data.Sqlite;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>SQLite's write-ahead log is emptied after every pass, even while readers keep reading.</summary>
public sealed class WriteAheadLogTests : IDisposable
{
    readonly string file = Path.Combine(Path.GetTempPath(), $"newstracker-wal-{Guid.NewGuid():N}.db");

    long WalBytes => new FileInfo(file + "-wal") is { Exists: true } wal ? wal.Length : 0;

    [Fact]
    public async Task The_log_is_emptied_after_each_pass_though_readers_read_all_through_it()
    {
        await using var app = new TestApp(settings: new() { ["ConnectionStrings:NewsTracker"] = $"Data Source={file}" });
        using var client = app.CreateClient();
        // Readers all through the pass, as the pages have them: SQLite's automatic checkpoints cannot restart the
        // log while any of them holds an older snapshot, and a checkpoint that does not wait for them gives up.
        using var stop = new CancellationTokenSource();
        var readers = Task.Run(async () =>
        {
            await using var reader = new SqliteConnection($"Data Source={file}");
            await reader.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var read = reader.CreateCommand();
                read.CommandText = "BEGIN; SELECT count(*) FROM Articles; SELECT count(*) FROM Claims; COMMIT;";
                await read.ExecuteNonQueryAsync();
            }
        });

        await app.IngestAsync();
        await stop.CancelAsync();
        await readers;

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
