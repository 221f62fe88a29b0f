using NewsTracker.Benchmarks;

// dotnet run -c Release --project tests/NewsTracker.Benchmarks -- <name> [args]; prefix with `taskset -c 1` to pin to one core.
return args switch
{
    ["feeds", ..] => Micro.Feeds(),
    ["article-text", var folder, ..] => Micro.ArticleText(folder),
    ["extraction", ..] => Micro.Extraction(),
    ["ingest", ..] => await Ingest.RunAsync(args[1..]),
    ["memory", ..] => await Ingest.MemoryAsync(args[1..]),
    ["generate", var file, ..] => await Generator.RunAsync(file, args[2..]),
    ["pages", var file, ..] => await PageLatency.RunAsync(file, args[2..]),
    ["soak", ..] => await Soak.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/NewsTracker.Benchmarks -- <name> [args]
          feeds                          feed parsing MB/s (generated 5/20 MB RSS and Atom, the sample) vs a bare XmlReader pass
          article-text <folder>          pages/s of ArticleHtml.ExtractPage over <folder>/html/*.html.gz vs AngleSharp parse alone
          extraction                     articles/s of StoryExtractor.Extract over the sample feed's five articles
          ingest [--articles 1000] [--runs 3] [--feeds 1,10,100] [--log-sql]
                                         end-to-end ingestion from a local feed server into SQLite, over 1, 10 and 100 feeds
          memory [--articles 100000] [--feeds 100] [--per-feed 10] [--db file]
                                         working set over time while ingesting that many articles
          generate <sqlite file> [--articles 100000 --events 20000 --claims 300000 --actors 500 --seed 1]
                                         fill a store with a large realistic story, fast
          pages <sqlite file> [--requests 100] [--warmup 10] [--log-sql] [--only <page name part>]
                                         p50/p95 latency and requests/s of the timeline, actor and article pages
          soak [--minutes 30] [--readers 16] [--feeds 20] [--per-feed 10]
                                         ingestion and readers at once: errors, p95 per page per minute, memory
          pages "<PostgreSQL connection string>" --postgres [...]
                                         the same over a PostgreSQL store (copy a generated one there with the app's copy-store)
        Prefix with `taskset -c 1` to pin to one core.
        """);
    return 2;
}
