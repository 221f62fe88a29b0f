using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsTracker.Web.Data;
using Npgsql;

namespace NewsTracker.Benchmarks;

/// <summary>
/// Page latency over a store (e.g. one made by `generate`): the app listens on 127.0.0.1 with ingestion off, and
/// one client requests each page sequentially, after a warm-up. The leader, topic, actor and article are picked
/// from the data: the person in the most events (the heaviest actor page and filter), the topic on the most
/// events, and an article from the middle of the store. With --postgres, the store is the PostgreSQL database the
/// first argument connects to (a store `generate` made, copied there with the app's copy-store command).
/// </summary>
static class PageLatency
{
    public static async Task<int> RunAsync(string file, string[] args)
    {
        var provider = args.Contains("--postgres") ? StoreProvider.PostgreSql : StoreProvider.Sqlite;
        if (provider == StoreProvider.Sqlite && !File.Exists(file)) { Console.Error.WriteLine($"{file}: no such database (make one with `generate`)"); return 2; }
        int requests = Args.Int(args, "--requests", 100);
        int warmup = Args.Int(args, "--warmup", 10);
        var extra = new Dictionary<string, string?>();
        if (args.Contains("--log-sql"))
            extra["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";

        var (leader, topic, article, counts) = Pick(provider, file);
        Console.WriteLine($"{(provider == StoreProvider.PostgreSql ? new NpgsqlConnectionStringBuilder(file).Database : file)}: {counts}");
        Console.WriteLine($"leader {leader}, topic {topic}, article {article}; {warmup} warm-up + {requests} sequential requests per page");
        await using var app = await AppHost.StartAsync(file, ingestionEnabled: false, listen: true, extra, provider);
        using var http = new HttpClient { BaseAddress = new Uri(AppHost.Address(app)) };

        var pages = new (string Name, string Path)[]
        {
            ("timeline", "/"),
            ("timeline, leader", $"/?actor={leader}"),
            ("timeline, topic", $"/?topic={topic}"),
            ("timeline, leader+topic, page 3", $"/?actor={leader}&topic={topic}&p=3"),
            ("actor page (leader)", $"/actors/{leader}"),
            ("actor page (leader), one topic", $"/actors/{leader}?topic={topic}"),
            ("actor page (leader), page 20", $"/actors/{leader}?p=20"),
            ("article page", $"/articles/{article}"),
            ("topic page", $"/topics/{topic}"),
            ("search, one word", "/search?q=ceasefire"),
            ("search, two words", "/search?q=security+guarantees"),
            ("search, a word found nowhere", "/search?q=zeppelin"),
            ("actors index", "/actors"),
            ("topics index", "/topics"),
        };
        if (args.Contains("--only") && Args.Str(args, "--only", "") is { Length: > 0 } only)
            pages = pages.Where(p => p.Name.Contains(only)).ToArray();

        // CPU per request (server and client share this process): the machine's load inflates latency, less so CPU time.
        Console.WriteLine($"{"page",-32} {"p50",8} {"p95",8} {"max",8} {"req/s",7} {"CPU/req",8} {"KB",6}");
        using var self = Process.GetCurrentProcess();
        bool slow = false;
        foreach (var (name, path) in pages)
        {
            long bytes = 0;
            for (int i = 0; i < warmup; i++) bytes = await GetAsync(http, path);
            var times = new double[requests];
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var all = Stopwatch.StartNew();
            for (int i = 0; i < requests; i++)
            {
                var one = Stopwatch.StartNew();
                await GetAsync(http, path);
                times[i] = one.Elapsed.TotalMilliseconds;
            }
            all.Stop();
            self.Refresh();
            double cpuMs = (self.TotalProcessorTime - cpu0).TotalMilliseconds / requests;
            Array.Sort(times);
            double p50 = Percentile(times, 0.50), p95 = Percentile(times, 0.95);
            slow |= p95 > 50;
            Console.WriteLine($"{name,-32} {p50,6:F1}ms {p95,6:F1}ms {times[^1],6:F0}ms {requests / all.Elapsed.TotalSeconds,7:F1} {cpuMs,6:F1}ms {bytes / 1024,6}");
        }
        Memory.PrintPeak();
        await app.StopAsync();
        return 0;
    }

    /// <summary>
    /// Reads the whole body through one reused buffer. The client shares the server's process: buffering a 500 KB page
    /// into fresh arrays (large-object heap) made a gen-2 collection every few requests, and those pauses landed in the
    /// server's latency.
    /// </summary>
    static async Task<long> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync();
        long length = 0;
        for (int read; (read = await body.ReadAsync(ReadBuffer)) > 0;) length += read;
        return length;
    }

    static readonly byte[] ReadBuffer = new byte[64 * 1024];

    static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>The names are quoted, which both SQLite and PostgreSQL read as names.</summary>
    static (string Leader, string Topic, int Article, string Counts) Pick(StoreProvider provider, string store)
    {
        using DbConnection db = provider == StoreProvider.PostgreSql
            ? new NpgsqlConnection(store)
            : new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        db.Open();
        string Scalar(string sql)
        {
            using var c = db.CreateCommand();
            c.CommandText = sql;
            return Convert.ToString(c.ExecuteScalar()) ?? "";
        }
        string leader = Scalar("""SELECT a."Slug" FROM "EventParticipants" p JOIN "Actors" a ON a."Id" = p."ActorId" WHERE a."Kind" = 'Person' GROUP BY a."Id", a."Slug" ORDER BY COUNT(*) DESC LIMIT 1""");
        string topic = Scalar("""SELECT "TopicSlug" FROM "EventTopics" GROUP BY "TopicSlug" ORDER BY COUNT(*) DESC LIMIT 1""");
        int article = int.Parse(Scalar("""SELECT "Id" FROM "Articles" ORDER BY "Id" LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM "Articles")"""));
        string counts = string.Join(", ", new[] { "Articles", "Events", "Claims", "Actors", "EventReports", "ActorMentions" }
            .Select(t => $"{Scalar($"SELECT COUNT(*) FROM \"{t}\"")} {t.ToLowerInvariant()}"));
        return (leader, topic, article, counts);
    }
}
