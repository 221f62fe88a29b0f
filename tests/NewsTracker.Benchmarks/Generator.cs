using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsTracker.Core.ArticleText;
using NewsTracker.Core.Stories;

namespace NewsTracker.Benchmarks;

/// <summary>
/// Fills a store with a large, realistic story, fast. The schema is the app's own (DatabaseStartup: SchemaUpgrader,
/// the story's actors and topics); rows then go in with prepared SQLite commands, one transaction per table.
/// Shapes follow what ingestion stores: articles spread over ten months with 1.5-5 KB of text, a few topics and
/// mentions each; claims are sentences of their article; events have 2-3 participants drawn with a heavy skew
/// towards the story's leaders, 1-2 topics and reports from articles published around their date.
/// </summary>
static class Generator
{
    sealed class Options
    {
        public int Articles = 100_000, Events = 20_000, Claims = 300_000, Actors = 500, Feeds = 50, Seed = 1;
        public bool Force;
    }

    public static async Task<int> RunAsync(string file, string[] args)
    {
        var o = new Options
        {
            Articles = Args.Int(args, "--articles", 100_000), Events = Args.Int(args, "--events", 20_000),
            Claims = Args.Int(args, "--claims", 300_000), Actors = Args.Int(args, "--actors", 500),
            Feeds = Args.Int(args, "--feeds", 50), Seed = Args.Int(args, "--seed", 1), Force = args.Contains("--force"),
        };
        if (File.Exists(file))
        {
            if (!o.Force) { Console.Error.WriteLine($"{file} exists; pass --force to replace it"); return 2; }
            AppHost.DeleteDatabase(file);
        }
        var total = Stopwatch.StartNew();

        // The app creates the schema and syncs the story's actors and topics, exactly as on first start.
        await using (var app = await AppHost.StartAsync(file, ingestionEnabled: false, listen: false)) { }
        SqliteConnection.ClearAllPools();

        var story = StoryDefinition.Load(Corpus.StoryPath);
        var corpus = new Corpus();
        var r = new Random(o.Seed);
        using var db = new SqliteConnection($"Data Source={file};Pooling=False");
        db.Open();
        Exec(db, "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY; PRAGMA cache_size = -200000;");

        var step = Stopwatch.StartNew();
        int[] feedIds = InsertFeeds(db, o.Feeds);
        var (actorIds, personIds) = InsertActors(db, r, story, o.Actors);
        Report("feeds, actors", step, o.Feeds + o.Actors);

        var articles = InsertArticles(db, r, corpus, story, o.Articles, feedIds, actorIds, step);
        Report("articles (+ outlets, topics, mentions)", step, o.Articles);
        // Ingestion indexes each batch of articles it stores (no trigger does); here all of them at once.
        Exec(db, NewsTracker.Web.Search.SearchIndex.RebuildArticlesSql);
        Report("search index of articles", step, o.Articles);
        InsertClaims(db, r, story, articles, personIds, o.Claims);
        Report("claims", step, o.Claims);
        int reports = InsertEvents(db, r, story, articles, personIds, o.Events);
        Report($"events (+ participants, topics, {reports} reports)", step, o.Events);

        Exec(db, "ANALYZE;");
        Report("ANALYZE", step, 0);
        db.Close();
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"{file}: {Memory.Mb(new FileInfo(file).Length):F0} MB in {total.Elapsed.TotalSeconds:F1}s");
        Memory.PrintPeak();
        return 0;
    }

    static void Report(string what, Stopwatch step, int rows)
    {
        Console.WriteLine($"{what,-48} {rows,8} rows in {step.Elapsed.TotalSeconds,6:F1}s" + (rows > 0 ? $" ({rows / step.Elapsed.TotalSeconds:N0}/s)" : ""));
        step.Restart();
    }

    static void Exec(SqliteConnection db, string sql)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    /// <summary>A prepared INSERT with positional parameters $p0..$pN.</summary>
    sealed class Insert : IDisposable
    {
        readonly SqliteCommand command;
        readonly SqliteParameter[] parameters;

        public Insert(SqliteConnection db, SqliteTransaction tx, string table, params string[] columns)
        {
            command = db.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))}); SELECT last_insert_rowid();";
            parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            command.Prepare();
        }

        public long Run(params object?[] values)
        {
            for (int i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            return (long)command.ExecuteScalar()!;
        }

        public void Dispose() => command.Dispose();
    }

    static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    const int Days = 300;
    static long Millis(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    static int[] InsertFeeds(SqliteConnection db, int count)
    {
        using var tx = db.BeginTransaction();
        using var insert = new Insert(db, tx, "Feeds", "Url", "Title", "Status", "AddedAt", "LastFetchedAt", "LastSuccessAt", "NextFetchAt",
            "ConsecutiveErrors", "ItemsStored", "ItemsSkippedOffStory", "ItemsDuplicate", "PollIntervalSeconds");
        var ids = new int[count];
        long now = Millis(Start.AddDays(Days));
        for (int f = 0; f < count; f++)
            ids[f] = (int)insert.Run($"https://outlet{f}.example/rss.xml", $"Outlet {f}", "Active", Millis(Start), now, now, now + 900_000, 0, 0, 0, 0, 900);
        tx.Commit();
        return ids;
    }

    static readonly string[] FirstNames = ["Olena", "Ivan", "Anna", "Pavlo", "Maria", "Sergiy", "John", "Laura", "Pierre", "Katarzyna", "Mehmet", "Hans", "Sofia", "Andrei", "Tomas", "Elena", "David", "Irina", "Marek", "Julia"];
    static readonly string[] LastNames = ["Kovalenko", "Shevchenko", "Novak", "Schmidt", "Dubois", "Kowalski", "Yilmaz", "Petrov", "Smith", "Rossi", "Horvat", "Berg", "Lindqvist", "Moroz", "Bondarenko", "Fischer", "Martin", "Popescu", "Nagy", "Ivanov"];

    /// <summary>Story actors come from the app's sync; discovered people fill up to <paramref name="total"/>.</summary>
    static (List<int> All, List<int> Persons) InsertActors(SqliteConnection db, Random r, StoryDefinition story, int total)
    {
        var all = new List<int>();
        var persons = new List<int>();
        using (var c = db.CreateCommand())
        {
            c.CommandText = "SELECT Id, Kind FROM Actors ORDER BY Id";
            using var reader = c.ExecuteReader();
            while (reader.Read())
            {
                all.Add(reader.GetInt32(0));
                if (reader.GetString(1) == "Person") persons.Add(reader.GetInt32(0));
            }
        }
        using var tx = db.BeginTransaction();
        using var insert = new Insert(db, tx, "Actors", "Slug", "Name", "Kind", "Role", "Aliases", "Discovered");
        var names = new HashSet<string>(story.Actors.Select(a => a.Name));
        for (int n = 0; all.Count < total; n++)
        {
            string name = $"{FirstNames[r.Next(FirstNames.Length)]} {LastNames[r.Next(LastNames.Length)]}";
            if (!names.Add(name)) name = $"{name} {n}";
            names.Add(name);
            string slug = name.ToLowerInvariant().Replace(' ', '-');
            int id = (int)insert.Run(slug, name, "Person", null, "[]", 1);
            all.Add(id);
            persons.Add(id);
        }
        tx.Commit();
        return (all, persons);
    }

    /// <summary>Heavily skewed choice: the first few (the story's leaders) are picked most often.</summary>
    static int Skewed(Random r, List<int> ids) => ids[Math.Min(ids.Count - 1, (int)(ids.Count * Math.Pow(r.NextDouble(), 4)))];

    sealed record GeneratedArticle(int Id, DateTimeOffset Published, int[] Sentences, string Text);

    /// <summary>Sentence spans (start, end pairs) of generated text: ends at ". ", "? ", "! " or a paragraph break.</summary>
    static int[] SentenceSpans(string text)
    {
        var spans = new List<int>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            bool end = i == text.Length - 1
                || (text[i] is '.' or '?' or '!' && i + 1 < text.Length && text[i + 1] is ' ' or '\n')
                || (text[i] == '\n');
            if (!end) continue;
            int stop = text[i] == '\n' ? i : i + 1;
            if (stop - start > 20) { spans.Add(start); spans.Add(stop); }
            start = i + 1;
            while (start < text.Length && text[start] is ' ' or '\n') start++;
            i = start - 1;
        }
        return spans.ToArray();
    }

    static List<GeneratedArticle> InsertArticles(SqliteConnection db, Random r, Corpus corpus, StoryDefinition story, int count,
        int[] feedIds, List<int> actorIds, Stopwatch step)
    {
        var result = new List<GeneratedArticle>(count);
        var topics = story.Topics.Select(t => t.Slug).ToArray();
        using var tx = db.BeginTransaction();
        using var article = new Insert(db, tx, "Articles", "FeedId", "Guid", "Url", "CanonicalUrl", "Fingerprint", "Title", "Source", "Author",
            "PublishedAt", "FetchedAt", "Text", "ExtractedAt");
        using var outlet = new Insert(db, tx, "ArticleOutlets", "ArticleId", "FeedId", "Url", "Source", "SeenAt");
        using var topic = new Insert(db, tx, "ArticleTopics", "ArticleId", "TopicSlug", "SentenceStart", "SentenceEnd");
        using var mention = new Insert(db, tx, "ActorMentions", "ArticleId", "ActorId", "Start", "End", "SentenceStart", "SentenceEnd");
        for (int n = 0; n < count; n++)
        {
            // Publication times in order over ten months, so ids follow dates as they do when ingesting.
            var published = Start.AddMinutes((double)n / count * Days * 24 * 60 + r.Next(30));
            int feed = feedIds[r.Next(feedIds.Length)];
            string host = $"outlet{feed}.example";
            var paragraphs = corpus.ArticleParagraphs(r, r.Next(1500, 5000));
            string text = string.Join("\n\n", paragraphs);
            var sentences = SentenceSpans(text);
            string url = $"https://{host}/2025/{published:MM/dd}/story-{n}";
            long now = Millis(published.AddMinutes(5));
            int id = (int)article.Run(feed, $"{host}-{n}", url + "?utm_source=rss", url, TextFingerprint.Of(text), corpus.Headline(r), host,
                $"Reporter {r.Next(1, 300)}", Millis(published), now, text, now);
            outlet.Run(id, feed, url, host, now);
            int pairs = sentences.Length / 2;
            foreach (var slug in topics.OrderBy(_ => r.Next()).Take(r.Next(1, 4)))
            {
                int s = r.Next(pairs);
                topic.Run(id, slug, sentences[2 * s], sentences[2 * s + 1]);
            }
            for (int m = r.Next(3, 9); m > 0; m--)
            {
                int s = r.Next(pairs);
                int start = sentences[2 * s], end = Math.Min(sentences[2 * s + 1], start + 14);
                mention.Run(id, Skewed(r, actorIds), start, end, sentences[2 * s], sentences[2 * s + 1]);
            }
            result.Add(new GeneratedArticle(id, published, sentences, text));
            if ((n + 1) % 20_000 == 0) Console.WriteLine($"  {n + 1} articles, {step.Elapsed.TotalSeconds:F0}s");
        }
        tx.Commit();
        return result;
    }

    static void InsertClaims(SqliteConnection db, Random r, StoryDefinition story, List<GeneratedArticle> articles, List<int> personIds, int count)
    {
        var topics = story.Topics.Select(t => t.Slug).ToArray();
        using var tx = db.BeginTransaction();
        using var claim = new Insert(db, tx, "Claims", "ArticleId", "SpeakerId", "Kind", "Text", "Start", "End", "SentenceStart", "SentenceEnd", "Topics");
        for (int n = 0; n < count; n++)
        {
            var a = articles[r.Next(articles.Count)];
            int s = r.Next(a.Sentences.Length / 2);
            int start = a.Sentences[2 * s], end = a.Sentences[2 * s + 1];
            int claimEnd = end - 1 > start + 10 ? end - 1 : end; // the sentence without its full stop
            var claimTopics = topics.OrderBy(_ => r.Next()).Take(r.Next(0, 3)).ToArray();
            claim.Run(a.Id, Skewed(r, personIds), r.Next(3) == 0 ? "Quote" : "Statement", a.Text[start..claimEnd], start, claimEnd, start, end,
                JsonSerializer.Serialize(claimTopics));
        }
        tx.Commit();
    }

    static readonly string[] EventTypes = ["Summit", "Meeting", "Meeting", "Call", "Call", "Talks", "Talks", "Exchange", "Visit", "Other"];
    static readonly string[] Places = ["Geneva", "Istanbul", "Riyadh", "Washington", "Anchorage", "Brussels", "Paris", "Berlin", "London", "Rome", "Helsinki", "Abu Dhabi", "Doha", "Warsaw", "Kyiv", "Moscow"];

    static int InsertEvents(SqliteConnection db, Random r, StoryDefinition story, List<GeneratedArticle> articles, List<int> personIds, int count)
    {
        var topics = story.Topics.Select(t => t.Slug).ToArray();
        int reports = 0;
        using var tx = db.BeginTransaction();
        using var ev = new Insert(db, tx, "Events", "Type", "HappenedOn", "DatePrecision", "Planned", "Place", "FirstReportedAt");
        using var participant = new Insert(db, tx, "EventParticipants", "EventId", "ActorId");
        using var eventTopic = new Insert(db, tx, "EventTopics", "EventId", "TopicSlug");
        using var report = new Insert(db, tx, "EventReports", "EventId", "ArticleId", "SentenceStart", "SentenceEnd");
        for (int n = 0; n < count; n++)
        {
            // Reports come from articles published around the event; the first report dates it.
            int first = r.Next(articles.Count);
            var reporters = new List<GeneratedArticle> { articles[first] };
            for (int k = (int)(-Math.Log(1 - r.NextDouble()) * 3); k > 0; k--)
                reporters.Add(articles[Math.Min(articles.Count - 1, first + r.Next(0, 400))]);
            reporters = reporters.DistinctBy(a => a.Id).ToList();
            var firstReported = reporters.Min(a => a.Published);

            bool dated = r.Next(10) > 0;
            bool planned = !dated ? r.Next(2) == 0 : r.Next(8) == 0;
            var day = DateOnly.FromDateTime(firstReported.UtcDateTime).AddDays(planned ? r.Next(1, 20) : -r.Next(0, 5));
            bool byDay = r.Next(10) < 8;
            if (!byDay) day = new DateOnly(day.Year, day.Month, 1);
            long id = ev.Run(EventTypes[r.Next(EventTypes.Length)], dated ? day.ToString("yyyy-MM-dd") : null, dated && byDay ? "Day" : "Month",
                planned ? 1 : 0, r.Next(3) == 0 ? null : Places[r.Next(Places.Length)], Millis(firstReported));

            var who = new HashSet<int>();
            for (int p = r.Next(2, 4); who.Count < p;) who.Add(Skewed(r, personIds));
            foreach (var actor in who) participant.Run(id, actor);
            foreach (var slug in topics.OrderBy(_ => r.Next()).Take(r.Next(1, 3))) eventTopic.Run(id, slug);
            foreach (var a in reporters)
            {
                int s = r.Next(a.Sentences.Length / 2);
                report.Run(id, a.Id, a.Sentences[2 * s], a.Sentences[2 * s + 1]);
                reports++;
            }
        }
        tx.Commit();
        return reports;
    }
}
