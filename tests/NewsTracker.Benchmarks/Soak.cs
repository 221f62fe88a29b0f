using System.Collections.Concurrent;
using System.Diagnostics;

namespace NewsTracker.Benchmarks;

/// <summary>
/// Ingestion and readers at once, for a long time: the app ingests fresh items from a local feed server pass after
/// pass while readers browse the timeline, actor, event, article and search pages and the API. Each minute it prints
/// the articles stored, the working set and every page's p95; at the end, the errors (any failed or non-2xx answer;
/// there must be none) and how the p95s and memory moved from the first minutes to the last.
/// </summary>
static class Soak
{
    public static async Task<int> RunAsync(string[] args)
    {
        var duration = TimeSpan.FromMinutes(Args.Int(args, "--minutes", 30));
        int readers = Args.Int(args, "--readers", 16);
        int feeds = Args.Int(args, "--feeds", 20);
        int perFeed = Args.Int(args, "--per-feed", 10);
        string file = Args.Str(args, "--db", Ingest.TempDb("soak"));
        var corpus = new Corpus();
        var random = new Random(17);
        await using var server = await FeedServer.StartAsync();
        AppHost.DeleteDatabase(file);
        await using var app = await AppHost.StartAsync(file, ingestionEnabled: false, listen: true);
        await Ingest.AddFeedsAsync(app.Services, server, feeds);
        string address = AppHost.Address(app);

        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        int stored = 0, feedErrors = 0, readerErrors = 0;
        var latencies = new ConcurrentQueue<(int Minute, string Page, double Ms)>();
        var failures = new ConcurrentQueue<string>();

        // Ingestion: one pass after another, as the scheduler's ticks would run them back to back.
        var ingest = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Ingest.Publish(server, corpus, random, feeds, perFeed);
                var round = await Ingest.PassAsync(app.Services);
                Interlocked.Add(ref stored, round.Stored);
                Interlocked.Add(ref feedErrors, round.Errors);
            }
        });

        // Readers: each walks the pages in its own order, without pause.
        var pages = new (string Name, Func<Random, string> Path)[]
        {
            ("timeline", _ => "/"),
            ("timeline by leader", _ => "/?actor=vladimir-putin"),
            ("timeline by topic", _ => "/?topic=ceasefire&p=2"),
            ("actor", _ => "/actors/donald-trump"),
            ("topic", _ => "/topics/ceasefire"),
            ("article", r => $"/articles/{1 + r.Next(Math.Max(1, Volatile.Read(ref stored)))}"),
            ("event", r => $"/events/{1 + r.Next(20)}"),
            ("search", _ => "/search?q=ceasefire+talks"),
            ("api events", _ => "/api/events?pageSize=50"),
        };
        var readerTasks = Enumerable.Range(0, readers).Select(n => Task.Run(async () =>
        {
            var r = new Random(100 + n);
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            while (!stop.IsCancellationRequested)
            {
                var (name, path) = pages[r.Next(pages.Length)];
                string url = path(r);
                var sw = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(url, stop.Token);
                    await response.Content.ReadAsByteArrayAsync(stop.Token);
                    // An article or event not stored yet is a 404 a reader can meet; anything else is an error.
                    if (!response.IsSuccessStatusCode && !(response.StatusCode == System.Net.HttpStatusCode.NotFound && name is "article" or "event"))
                    {
                        Interlocked.Increment(ref readerErrors);
                        failures.Enqueue($"{url} -> {(int)response.StatusCode}");
                    }
                    else latencies.Enqueue(((int)clock.Elapsed.TotalMinutes, name, sw.Elapsed.TotalMilliseconds));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
                catch (Exception e)
                {
                    Interlocked.Increment(ref readerErrors);
                    failures.Enqueue($"{url} -> {e.GetType().Name}: {e.Message}");
                }
            }
        })).ToList();

        using var self = Process.GetCurrentProcess();
        var memory = new List<(int Minute, double WorkingSetMb)>();
        Console.WriteLine($"{"min",4} {"articles",9} {"working set",12}  p95 ms per page ({string.Join(", ", pages.Select(p => p.Name))})");
        for (int minute = 1; !stop.IsCancellationRequested; minute++)
        {
            try { await Task.Delay(TimeSpan.FromMinutes(minute) - clock.Elapsed, stop.Token); } catch (OperationCanceledException) { }
            self.Refresh();
            memory.Add((minute, Memory.Mb(self.WorkingSet64)));
            var window = latencies.Where(l => l.Minute == minute - 1).ToList();
            Console.WriteLine($"{minute,4} {Volatile.Read(ref stored),9} {Memory.Mb(self.WorkingSet64),9:F0} MB  " +
                string.Join(" ", pages.Select(p => P95(window.Where(l => l.Page == p.Name)).ToString("F0").PadLeft(5))) +
                $"  errors {Volatile.Read(ref readerErrors)}");
        }
        await Task.WhenAll(readerTasks);
        await ingest;

        var all = latencies.ToList();
        int last = all.Count > 0 ? all.Max(l => l.Minute) : 0;
        Console.WriteLine($"ran {clock.Elapsed.TotalMinutes:F1} min with {readers} readers: stored {stored} articles, {all.Count} page reads, " +
            $"reader errors {readerErrors}, feed errors {feedErrors}");
        foreach (var f in failures.Take(10)) Console.WriteLine($"  error: {f}");
        foreach (var (name, _) in pages)
        {
            var first = all.Where(l => l.Page == name && l.Minute < 5);
            var end = all.Where(l => l.Page == name && l.Minute > last - 5);
            Console.WriteLine($"  {name,-20} p95 first 5 min {P95(first),6:F0} ms, last 5 min {P95(end),6:F0} ms, whole run {P95(all.Where(l => l.Page == name)),6:F0} ms");
        }
        if (memory.Count >= 2)
            Console.WriteLine($"working set: first minute {memory[0].WorkingSetMb:F0} MB, max {memory.Max(m => m.WorkingSetMb):F0} MB, last {memory[^1].WorkingSetMb:F0} MB");
        Memory.PrintPeak();
        await app.StopAsync();
        return readerErrors == 0 && feedErrors == 0 ? 0 : 1;
    }

    static double P95(IEnumerable<(int Minute, string Page, double Ms)> samples)
    {
        var sorted = samples.Select(s => s.Ms).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
    }
}
