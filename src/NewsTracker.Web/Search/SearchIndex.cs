using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Search;

/// <summary>
/// The full-text indexes over article titles and texts and over claims. On SQLite: FTS5 tables, kept in step with
/// their tables by triggers, except for new articles, which the code that stores them indexes with
/// <see cref="AddArticlesAsync"/>. On PostgreSQL: its own text search, which the database keeps in step by itself (see
/// <see cref="CreatePostgreSql"/>). Neither is part of the EF model, so the schema upgrader creates them for a new
/// database as well as in the upgrade steps that introduced them.
/// </summary>
public static class SearchIndex
{
    /// <summary>unicode61 with diacritics removed: "Zelenskyy" matches however the accents were typed.</summary>
    const string Tokenizer = "tokenize = 'unicode61 remove_diacritics 2'";

    public static readonly string[] CreateSql =
    [
        $"CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Text, content = 'Articles', content_rowid = 'Id', {Tokenizer})",
        "CREATE TRIGGER ArticleSearch_Delete AFTER DELETE ON Articles BEGIN INSERT INTO ArticleSearch (ArticleSearch, rowid, Title, Text) VALUES ('delete', old.Id, old.Title, old.Text); END",
        "CREATE TRIGGER ArticleSearch_Update AFTER UPDATE OF Title, Text ON Articles BEGIN " +
            "INSERT INTO ArticleSearch (ArticleSearch, rowid, Title, Text) VALUES ('delete', old.Id, old.Title, old.Text); " +
            "INSERT INTO ArticleSearch (rowid, Title, Text) VALUES (new.Id, new.Title, new.Text); END",
        $"CREATE VIRTUAL TABLE ClaimSearch USING fts5(Text, content = 'Claims', content_rowid = 'Id', {Tokenizer})",
        "CREATE TRIGGER ClaimSearch_Insert AFTER INSERT ON Claims BEGIN INSERT INTO ClaimSearch (rowid, Text) VALUES (new.Id, new.Text); END",
        "CREATE TRIGGER ClaimSearch_Delete AFTER DELETE ON Claims BEGIN INSERT INTO ClaimSearch (ClaimSearch, rowid, Text) VALUES ('delete', old.Id, old.Text); END",
        "CREATE TRIGGER ClaimSearch_Update AFTER UPDATE OF Text ON Claims BEGIN " +
            "INSERT INTO ClaimSearch (ClaimSearch, rowid, Text) VALUES ('delete', old.Id, old.Text); " +
            "INSERT INTO ClaimSearch (rowid, Text) VALUES (new.Id, new.Text); END",
    ];

    /// <summary>
    /// Indexes stored articles, in one statement, inside the transaction that stores them (a no-op on a store without
    /// FTS5). Articles are not indexed by an insert trigger: EF inserts them a statement each, a statement with a trigger
    /// opens a savepoint, and FTS5 writes what it holds in memory to disk at every savepoint, so each article became a
    /// segment of its own, to be merged again later: 500 µs an article, against 150 µs as one statement for the batch.
    /// </summary>
    public static async Task AddArticlesAsync(NewsTrackerDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0 || !db.Database.IsSqlite()) return;
        string idArray = JsonSerializer.Serialize(ids);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch (rowid, Title, Text) SELECT Id, Title, Text FROM Articles WHERE Id IN (SELECT value FROM json_each({idArray}))", ct);
    }

    /// <summary>Indexes what the tables already hold (for a database that had rows before the index existed).</summary>
    public static readonly string[] RebuildSql = [RebuildArticlesSql, "INSERT INTO ClaimSearch (ClaimSearch) VALUES ('rebuild')"];

    public const string RebuildArticlesSql = "INSERT INTO ArticleSearch (ArticleSearch) VALUES ('rebuild')";

    /// <summary>
    /// PostgreSQL's text search configuration for both indexes and every query. English stems words, so "negotiated"
    /// finds "negotiations", and leaves out stop words ("the", "will"), which FTS5's tokenizer keeps.
    /// </summary>
    public const string PostgreSqlConfiguration = "english";

    /// <summary>
    /// Only the first 100,000 characters of a text are indexed on PostgreSQL. It refuses a tsvector whose words take
    /// more than 1 MB, and storing a batch of articles fails whole, so one huge page could stop its feed for good; a
    /// text this long is not an article's, and even a worst case of distinct hyphenated words stays under the limit.
    /// </summary>
    const int MaxIndexedChars = 100_000;

    static string VectorSql(string text) => $"to_tsvector('{PostgreSqlConfiguration}', left({text}, {MaxIndexedChars}))";

    /// <summary>
    /// PostgreSQL: the words of an article (title and text) and of a claim are kept in a generated column with a GIN
    /// index. A search tests the newest rows' words one by one before it reads the index for a rarer word (see the
    /// search page), and a stored column is read for that, where an expression index would parse each text again.
    /// </summary>
    public static readonly string[] CreatePostgreSql =
    [
        $"""ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector NOT NULL GENERATED ALWAYS AS ({VectorSql("\"Title\" || ' ' || \"Text\"")}) STORED""",
        """CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING gin ("SearchVector")""",
        $"""ALTER TABLE "Claims" ADD COLUMN "SearchVector" tsvector NOT NULL GENERATED ALWAYS AS ({VectorSql("\"Text\"")}) STORED""",
        """CREATE INDEX "IX_Claims_SearchVector" ON "Claims" USING gin ("SearchVector")""",
    ];

    /// <summary>
    /// A PostgreSQL tsquery (for <c>to_tsquery</c>) from what a person typed, with the same rules as
    /// <see cref="ToMatchQuery"/>: every word must appear, the last may be the start of a word. Each word is quoted, so
    /// tsquery syntax (&amp;, |, !, parentheses) in the input is only ever text. The configuration stems each word; a
    /// last word typed part-way past its stem ("negotia" for "negoti") finds nothing.
    /// </summary>
    public static string? ToTsQuery(string? input)
    {
        var words = Words(input);
        if (words.Count == 0) return null;
        return string.Join(" & ", words.Select((w, i) => $"'{w}'" + (i == words.Count - 1 && w.Length >= 3 ? ":*" : "")));
    }

    /// <summary>
    /// An FTS5 query from what a person typed: every word must appear, the last may be the start of a word.
    /// Each word is quoted, so FTS syntax (AND, NEAR, *, quotes, colons) in the input is only ever text.
    /// </summary>
    public static string? ToMatchQuery(string? input)
    {
        var words = Words(input);
        if (words.Count == 0) return null;
        return string.Join(' ', words.Select((w, i) => $"\"{w}\"" + (i == words.Count - 1 && w.Length >= 3 ? "*" : "")));
    }

    /// <summary>The letters-and-digits words of the input, at most 12 (a search box, not a document).</summary>
    public static List<string> Words(string? input)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(input)) return words;
        int start = -1;
        for (int i = 0; i <= input.Length && words.Count < 12; i++)
        {
            bool part = i < input.Length && (char.IsLetterOrDigit(input[i]) || char.GetUnicodeCategory(input[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (part && start < 0) start = i;
            else if (!part && start >= 0) { words.Add(input[start..i]); start = -1; }
        }
        return words;
    }
}
