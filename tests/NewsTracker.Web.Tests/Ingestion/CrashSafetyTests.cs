using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

/// <summary>
/// The real app as a child process (<c>dotnet NewsTracker.Web.dll ingest &lt;feed&gt;</c>) over a SQLite file, killed
/// in the middle of storing a large feed, then run again: nothing is lost, nothing is stored twice, and the
/// extraction the kill interrupted is finished.
/// </summary>
public sealed class CrashSafetyTests
{
    const int Items = 300;

    [Fact]
    public async Task Ingestion_killed_midway_loses_and_duplicates_nothing_once_restarted()
    {
        string feed = SampleFeeds.Rss([.. Enumerable.Range(0, Items).Select(GeneratedArticles.Item)]);
        await using var server = await TestFeedServer.StartAsync(app => app.MapGet("/feed.xml", () => TestFeedServer.Xml(feed)));
        var folder = Directory.CreateTempSubdirectory("newstracker-crash-");
        string database = Path.Combine(folder.FullName, "store.db");
        try
        {
            using (var first = StartIngest(server.Url("/feed.xml"), database))
            {
                var deadline = Stopwatch.StartNew();
                while (!first.HasExited && await CountAsync(database, "SELECT COUNT(*) FROM Articles") < 10 && deadline.Elapsed < TimeSpan.FromMinutes(2))
                    await Task.Delay(50);
                Assert.False(first.HasExited, $"the first run ended (exit code {(first.HasExited ? first.ExitCode : 0)}) before it could be killed");
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }
            long storedBeforeRestart = await CountAsync(database, "SELECT COUNT(*) FROM Articles");
            Assert.InRange(storedBeforeRestart, 1, Items - 1);

            using (var second = StartIngest(server.Url("/feed.xml"), database))
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                await second.WaitForExitAsync(timeout.Token);
                Assert.Equal(0, second.ExitCode);
            }

            Assert.Equal(Items, await CountAsync(database, "SELECT COUNT(*) FROM Articles"));
            Assert.Equal(Items, await CountAsync(database, "SELECT COUNT(DISTINCT CanonicalUrl) FROM Articles"));
            Assert.Equal(Items, await CountAsync(database, "SELECT COUNT(*) FROM ArticleOutlets"));
            Assert.Equal(0, await CountAsync(database, "SELECT COUNT(*) FROM Articles WHERE ExtractedAt IS NULL"));
            // Every article's extraction ran to the end: each one's quote is stored once.
            Assert.Equal(Items, await CountAsync(database, "SELECT COUNT(DISTINCT ArticleId) FROM Claims"));
            Assert.Equal(0, await CountAsync(database, "SELECT COUNT(*) FROM (SELECT ArticleId, Start FROM Claims GROUP BY ArticleId, Start HAVING COUNT(*) > 1)"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The app as built beside this test project (src/NewsTracker.Web/bin/&lt;configuration&gt;/&lt;framework&gt;).</summary>
    static Process StartIngest(string feedUrl, string database)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = testOutput;
        while (!File.Exists(Path.Combine(root.FullName, "NewsTracker.sln"))) root = root.Parent ?? throw new InvalidOperationException("NewsTracker.sln not found above " + testOutput);
        string appFolder = Path.Combine(root.FullName, "src", "NewsTracker.Web", "bin", testOutput.Parent!.Name, testOutput.Name);

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(appFolder, "NewsTracker.Web.dll"));
        start.ArgumentList.Add("ingest");
        start.ArgumentList.Add(feedUrl);
        start.Environment["ConnectionStrings__NewsTracker"] = $"Data Source={database}";
        start.Environment["NewsTracker__Database__Provider"] = "Sqlite";
        start.Environment["NewsTracker__Ingestion__AllowedPrivateAddresses__0"] = "127.0.0.1";
        start.Environment["NewsTracker__Ingestion__Feeds__0"] = ""; // not the bundled sample
        start.Environment["NewsTracker__DataProtectionKeys"] = "";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        // Drained so that a full pipe never blocks the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A count read beside the running app; 0 while the app has not created the table yet.</summary>
    static async Task<long> CountAsync(string database, string query)
    {
        if (!File.Exists(database)) return 0;
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = query;
        try { return (long)(await cmd.ExecuteScalarAsync())!; }
        catch (SqliteException e) when (e.Message.Contains("no such table")) { return 0; }
    }
}
