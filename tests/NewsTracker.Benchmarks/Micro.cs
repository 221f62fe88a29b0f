using System.Diagnostics;
using System.IO.Compression;
using System.Xml;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NewsTracker.Core.ArticleText;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Feeds;
using NewsTracker.Core.Stories;

namespace NewsTracker.Benchmarks;

/// <summary>
/// The BenchmarkDotNet runs. In-process (no separate build per run, and `taskset -c 1` on the command pins the
/// measured code to one core), a short job (3 warm-ups, 8 iterations), allocations from MemoryDiagnoser. Each run
/// ends with a throughput table computed from BenchmarkDotNet's mean time per operation.
/// </summary>
static class Micro
{
    static IConfig Config(int iterations) => DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(iterations))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "newstracker-benchmarks"))
        .WithOptions(ConfigOptions.DisableLogFile);

    /// <summary>Runs one benchmark class and prints units-per-second for each case: <paramref name="units"/> maps a case to (units per operation, unit name).</summary>
    public static int Run<T>(Func<BenchmarkReport, (double PerOp, string Unit)> units, int iterations = 8)
    {
        var summary = BenchmarkRunner.Run<T>(Config(iterations));
        Console.WriteLine();
        Console.WriteLine($"{"case",-40} {"mean",12} {"throughput",22} {"allocated/op",16} {"per CPU-second",22}");
        foreach (var report in summary.Reports)
        {
            if (report.ResultStatistics is not { } stats) { Console.WriteLine($"{report.BenchmarkCase.DisplayInfo}: no result"); continue; }
            var (perOp, unit) = units(report);
            double seconds = stats.Mean / 1e9;
            string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name +
                (report.BenchmarkCase.HasParameters ? " " + report.BenchmarkCase.Parameters.PrintInfo : "");
            Console.WriteLine($"{name,-40} {seconds * 1e3,10:F2}ms {perOp / seconds,16:N1} {unit}/s {Memory.Mb(report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0),13:F1} MB {perOp / CpuSecondsPerOp<T>(report),16:N1} {unit}");
        }
        Memory.PrintPeak();
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }

    /// <summary>
    /// CPU seconds per operation, from the process's CPU time over a ~2 s loop of the same case. On a machine shared
    /// with other work, wall time includes waiting for a core; CPU time mostly does not, so both are reported.
    /// </summary>
    static double CpuSecondsPerOp<T>(BenchmarkReport report)
    {
        var instance = Activator.CreateInstance<T>()!;
        foreach (var p in report.BenchmarkCase.Parameters.Items)
            typeof(T).GetProperty(p.Name)!.SetValue(instance, p.Value);
        report.BenchmarkCase.Descriptor.GlobalSetupMethod?.Invoke(instance, null);
        var method = report.BenchmarkCase.Descriptor.WorkloadMethod;
        method.Invoke(instance, null);
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        int n = 0;
        do { method.Invoke(instance, null); n++; } while (wall.Elapsed.TotalSeconds < 2);
        self.Refresh();
        return (self.TotalProcessorTime - cpu0).TotalSeconds / n;
    }

    /// <summary>
    /// Runs <paramref name="operation"/> until the JIT has compiled nothing for three seconds (at most a minute), so
    /// that the measured code is the optimized code a long-running app runs. Tiered compilation first runs new code
    /// unoptimized, then instrumented for PGO, and recompiles it in the background; on a shared core this took 10-15 s,
    /// and BenchmarkDotNet's three warm-up iterations ended long before it, so the runs measured mostly instrumented
    /// code (a third of the steady speed) and varied with how soon the recompilation got the core. The JIT can pause
    /// for two seconds between the first compilations and the recompilations, hence three.
    /// </summary>
    public static void WarmUpUntilJitSettles(Action operation)
    {
        var total = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (quiet.Elapsed < TimeSpan.FromSeconds(3) && total.Elapsed < TimeSpan.FromMinutes(1))
        {
            operation();
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled) { compiled = now; quiet.Restart(); }
        }
        Console.WriteLine($"// warm-up: {total.Elapsed.TotalSeconds:F1} s until the JIT settled");
    }

    public static int Feeds() => Run<FeedBenchmarks>(r =>
        (FeedBenchmarks.Input((string)r.BenchmarkCase.Parameters["Feed"]).Length / 1e6, "MB"));

    public static int ArticleText(string folder)
    {
        ArticleTextBenchmarks.Folder = folder;
        int pages = ArticleTextBenchmarks.Pages.Count;
        Console.WriteLine($"{pages} pages, {ArticleTextBenchmarks.Pages.Sum(p => p.Length) / 1e6:F1} M chars of HTML, from {folder}");
        return Run<ArticleTextBenchmarks>(_ => (pages, "pages"), iterations: 6);
    }

    public static int Extraction() => Run<ExtractionBenchmarks>(r => (ExtractionBenchmarks.Texts.Count, "articles"));
}

public static class Memory
{
    public static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    public static void PrintPeak()
    {
        using var self = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine($"peak working set {Mb(self.PeakWorkingSet64):F0} MB; working set now {Mb(self.WorkingSet64):F0} MB; " +
            $"GC heap {Mb(gc.HeapSizeBytes):F0} MB, committed {Mb(gc.TotalCommittedBytes):F0} MB; gen2 collections {GC.CollectionCount(2)}");
        // Where the committed memory is, per generation (gen0, gen1, gen2, large objects, pinned), after the last GC.
        string[] names = ["gen0", "gen1", "gen2", "LOH", "POH"];
        var generations = new List<string>();
        for (int i = 0; i < Math.Min(names.Length, gc.GenerationInfo.Length); i++)
            generations.Add($"{names[i]} {Mb(gc.GenerationInfo[i].SizeAfterBytes):F0}/{Mb(gc.GenerationInfo[i].FragmentationAfterBytes):F0} MB");
        Console.WriteLine("GC generations after the last collection (size / fragmentation): " + string.Join(", ", generations) +
            $"; GC kind {gc.Generation}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {GC.GetConfigurationVariables().GetValueOrDefault("ConcurrentGC")}");
    }
}

/// <summary>FeedParser.Parse against a bare XmlReader pass over the same bytes (the floor any XML-based parser pays).</summary>
public class FeedBenchmarks
{
    static readonly Dictionary<string, byte[]> Inputs = [];
    static Corpus? corpus;

    /// <summary>Generated RSS 2.0 and Atom feeds of 5 and 20 MB (seeded, so the same bytes every run), and the bundled sample.</summary>
    public static byte[] Input(string name)
    {
        lock (Inputs)
        {
            if (Inputs.TryGetValue(name, out var bytes)) return bytes;
            corpus ??= new Corpus();
            bytes = name switch
            {
                "sample" => File.ReadAllBytes(Corpus.SampleFeedPath),
                "rss-5MB" => FeedGenerator.OfSize(corpus, atom: false, 5_000_000),
                "rss-20MB" => FeedGenerator.OfSize(corpus, atom: false, 20_000_000),
                "atom-5MB" => FeedGenerator.OfSize(corpus, atom: true, 5_000_000),
                "atom-20MB" => FeedGenerator.OfSize(corpus, atom: true, 20_000_000),
                _ => throw new ArgumentException(name),
            };
            return Inputs[name] = bytes;
        }
    }

    [Params("sample", "rss-5MB", "rss-20MB", "atom-5MB", "atom-20MB")]
    public string Feed { get; set; } = "";

    byte[] bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        bytes = Input(Feed);
        // The generated feeds must parse as feeds with items, or the numbers mean nothing.
        if (FeedParser.Parse(bytes, ContentType).Items.Count == 0) throw new InvalidOperationException($"{Feed}: no items");
    }

    string ContentType => Feed.StartsWith("atom") ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";

    [Benchmark(Baseline = true)]
    public long XmlReaderPass()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        long chars = 0;
        while (reader.Read())
        {
            // Materialise the text a feed parser must keep (titles, links, CDATA content).
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                chars += reader.Value.Length;
        }
        return chars;
    }

    [Benchmark]
    public int FeedParserParse() => FeedParser.Parse(bytes, ContentType).Items.Count;
}

/// <summary>ArticleHtml.ExtractPage over every page of a corpus folder (html/*.html.gz), against AngleSharp's parse alone.</summary>
public class ArticleTextBenchmarks
{
    public static string Folder { get; set; } = "";
    static List<(string Html, string Url)>? pages;

    public static List<(string Html, string Url)> PagesWithUrls => pages ??= Load(Folder);
    public static List<string> Pages => PagesWithUrls.Select(p => p.Html).ToList();

    static List<(string, string)> Load(string folder)
    {
        var html = Path.Combine(folder, "html");
        if (!Directory.Exists(html)) throw new DirectoryNotFoundException($"{html}: expected a folder of <id>.html.gz pages");
        var list = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(html, "*.html.gz").Order(StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gz.CopyTo(buffer);
            string id = Path.GetFileName(file)[..^".html.gz".Length];
            list.Add((HtmlDecoding.Decode(buffer.ToArray(), null), $"https://example.org/{id}"));
        }
        if (list.Count == 0) throw new InvalidDataException($"{html}: no *.html.gz pages");
        return list;
    }

    List<(string Html, string Url)> input = [];

    // The parse ExtractPage does (ArticleHtml's options and context), so the baseline is the floor of that same
    // parse; a default HtmlParser also tracks positions, keeps comments and style text, and runs an attribute observer.
    static readonly HtmlParser Parser = new(new HtmlParserOptions
    {
        DisableElementPositionTracking = true,
        SkipComments = true,
        SkipRawText = true,
    }, BrowsingContext.New(Configuration.Default.Without<IAttributeObserver>()));

    [GlobalSetup]
    public void Setup()
    {
        input = PagesWithUrls;
        Micro.WarmUpUntilJitSettles(() => { AngleSharpParseOnly(); ExtractPage(); });
    }

    [Benchmark(Baseline = true)]
    public int AngleSharpParseOnly()
    {
        var parser = Parser;
        int n = 0;
        foreach (var (html, _) in input) n += parser.ParseDocument(html).All.Length;
        return n;
    }

    [Benchmark]
    public int ExtractPage()
    {
        int n = 0;
        foreach (var (html, url) in input) n += ArticleHtml.ExtractPage(html, url).Text.Length;
        return n;
    }
}

/// <summary>StoryExtractor.Extract over the sample feed's five articles (their content:encoded through FragmentToText).</summary>
public class ExtractionBenchmarks
{
    static List<string>? texts;
    public static List<string> Texts => texts ??= new Corpus().SampleTexts.ToList();

    StoryExtractor extractor = null!;
    readonly DateTimeOffset published = new(2025, 8, 19, 12, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        extractor = new StoryExtractor(StoryDefinition.Load(Corpus.StoryPath));
        Console.WriteLine($"// {Texts.Count} texts of {string.Join(", ", Texts.Select(t => t.Length))} chars");
        Micro.WarmUpUntilJitSettles(() => ExtractFiveArticles());
    }

    /// <summary>One operation = the five articles, each extracted once.</summary>
    [Benchmark]
    public int ExtractFiveArticles()
    {
        int n = 0;
        foreach (var text in Texts) n += extractor.Extract(text, published).Claims.Count;
        return n;
    }
}
