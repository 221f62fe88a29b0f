using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Search;

namespace NewsTracker.Web.Pages.Search;

/// <summary>
/// Search across quotes, statements and article text, with the matched words highlighted, newest first: a story
/// tracker's reader wants the latest word on a subject, and both indexes find the newest matches without ranking
/// every match (ranking by bm25 took 460 ms for two words found in most of 100,000 articles). SQLite searches its FTS5
/// tables; PostgreSQL its own text search, which also finds other forms of a word ("negotiated", "negotiations").
/// </summary>
public sealed class IndexModel(NewsTrackerDb db) : PageModel
{
    public const int MaxResults = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public List<ClaimResult> Claims { get; private set; } = [];
    public List<ArticleResult> Articles { get; private set; } = [];
    public bool Searched { get; private set; }
    public string? Note { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Query)) return;
        if (SearchIndex.Words(Query).Count == 0)
        {
            Note = "Type at least one word with letters or digits.";
            return;
        }
        Searched = true;
        var (claimHits, articleHits) = db.Database.IsNpgsql()
            ? await FindWithPostgreSqlAsync(SearchIndex.ToTsQuery(Query)!, string.Join(' ', SearchIndex.Words(Query)), ct)
            : await FindWithFts5Async(SearchIndex.ToMatchQuery(Query)!, ct);

        var claimIds = claimHits.Select(h => h.Id).ToList();
        var claims = await db.Claims.Where(c => claimIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Kind, c.ArticleId, Speaker = c.Speaker!.Name, SpeakerSlug = c.Speaker.Slug, c.Article!.Title, c.Article.Source, c.Article.PublishedAt })
            .ToDictionaryAsync(c => c.Id, ct);
        Claims = claimHits.Where(h => claims.ContainsKey(h.Id)).Select(h =>
        {
            var c = claims[h.Id];
            return new ClaimResult(h.Marked, c.Kind, c.Speaker, c.SpeakerSlug, c.ArticleId, c.Title, c.Source, c.PublishedAt);
        }).ToList();

        var articleIds = articleHits.Select(h => h.Id).ToList();
        var articles = await db.Articles.Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Source, a.PublishedAt }).ToDictionaryAsync(a => a.Id, ct);
        Articles = articleHits.Where(h => articles.ContainsKey(h.Id))
            .Select(h => new ArticleResult(h.Id, h.Title, h.Snippet, articles[h.Id].Source, articles[h.Id].PublishedAt)).ToList();
    }

    async Task<(List<Hit>, List<ArticleHit>)> FindWithFts5Async(string match, CancellationToken ct)
    {
        var claimHits = await db.Database.SqlQuery<Hit>($"""
            SELECT rowid AS Id, highlight(ClaimSearch, 0, char(2), char(3)) AS Marked
            FROM ClaimSearch WHERE ClaimSearch MATCH {match} ORDER BY rowid DESC LIMIT {MaxResults}
            """).ToListAsync(ct);
        var articleHits = await db.Database.SqlQuery<ArticleHit>($"""
            SELECT rowid AS Id, highlight(ArticleSearch, 0, char(2), char(3)) AS Title,
                   snippet(ArticleSearch, 1, char(2), char(3), '…', 40) AS Snippet
            FROM ArticleSearch WHERE ArticleSearch MATCH {match} ORDER BY rowid DESC LIMIT {MaxResults}
            """).ToListAsync(ct);
        return (claimHits, articleHits);
    }

    /// <summary>
    /// The newest 50 ids are found first and only those are marked: ts_headline parses the text it is given, which
    /// for every match of a common word would cost more than the search. A claim is marked whole, as FTS5's
    /// highlight() does; an article's text gives about 40 words around a match, as snippet() does.
    /// </summary>
    async Task<(List<Hit>, List<ArticleHit>)> FindWithPostgreSqlAsync(string tsQuery, string words, CancellationToken ct)
    {
        string markAll = $"StartSel={Highlight.Start}, StopSel={Highlight.End}, HighlightAll=true";
        string markSnippet = $"StartSel={Highlight.Start}, StopSel={Highlight.End}, MaxWords=40, MinWords=20";
        var claimHits = await db.Database.SqlQueryRaw<Hit>(PostgreSqlClaimsSql, tsQuery, markAll).ToListAsync(ct);
        var articleHits = await db.Database.SqlQueryRaw<PostgreSqlArticleHit>(PostgreSqlArticlesSql, tsQuery, markAll, markSnippet, words).ToListAsync(ct);

        // The configuration leaves out stop words; a query of nothing else matches nothing, and the reader is told why.
        if (claimHits.Count + articleHits.Count == 0 && await db.Database.SqlQueryRaw<int>(PostgreSqlWordsLeftSql, tsQuery).SingleAsync(ct) == 0)
        {
            Searched = false;
            Note = "Those words are too common to search for (the, will, not…). Add a less common one.";
        }
        return (claimHits, articleHits.Select(h => new ArticleHit(h.Id, h.Title, WithEllipses(h))).ToList());
    }

    // What the reader typed is only ever a parameter: {0} the tsquery, {1} and {2} ts_headline's options, {3} the words.
    const string Configuration = SearchIndex.PostgreSqlConfiguration;

    /// <summary>
    /// The ids of a table's newest 50 rows whose words match the query. The newest 1,000 rows are tested first, which
    /// finds 50 at once for a word in more than one in twenty of them; only otherwise is the GIN index read and its
    /// matches sorted. Left to itself, the planner walked the rows newest first for any word it could not tell was rare
    /// (a word missing from its statistics counts as in up to half a percent of rows), so a word found nowhere read
    /// every row's vector. "Id" + 0 keeps it from that walk.
    /// </summary>
    static string NewestMatchesSql(string table) => $$"""
        WITH recent AS (
            SELECT "Id" FROM (SELECT "Id", "SearchVector" FROM "{{table}}" ORDER BY "Id" DESC LIMIT {{RecentRows}}) AS r
            WHERE "SearchVector" @@ to_tsquery('{{Configuration}}', {0}) ORDER BY "Id" DESC LIMIT {{MaxResults}})
        SELECT "Id" FROM recent WHERE (SELECT count(*) FROM recent) = {{MaxResults}}
        UNION ALL
        SELECT "Id" FROM (SELECT "Id" FROM "{{table}}" WHERE "SearchVector" @@ to_tsquery('{{Configuration}}', {0})
                          ORDER BY "Id" + 0 DESC LIMIT {{MaxResults}}) AS older
        WHERE (SELECT count(*) FROM recent) < {{MaxResults}}
        """;

    const int RecentRows = 1000;

    static readonly string PostgreSqlClaimsSql = $$"""
        SELECT c."Id", ts_headline('{{Configuration}}', c."Text", to_tsquery('{{Configuration}}', {0}), {1}) AS "Marked"
        FROM ({{NewestMatchesSql("Claims")}}) AS hit
        JOIN "Claims" AS c ON c."Id" = hit."Id"
        ORDER BY c."Id" DESC
        """;

    /// <summary>
    /// An article's snippet is made from about 1,200 characters from just before the first place one of the query's
    /// stems appears, not from the whole text: ts_headline's cost grows with the text it parses, and articles run to
    /// tens of KB. A stem is nearly always the start of the words it stands for ("negoti" of "negotiations"); where it
    /// is not found as letters, or that part of the text holds no match after all, the whole text is used. The part
    /// starts after a space, so that its first word is whole.
    /// </summary>
    static readonly string PostgreSqlArticlesSql = $$"""
        SELECT a."Id", ts_headline('{{Configuration}}', a."Title", q.query, {1}) AS "Title", s.snippet AS "Snippet",
               strpos(a."Text", translate(s.snippet, chr(2) || chr(3), '')) AS "SnippetAt", length(a."Text") AS "TextLength"
        FROM ({{NewestMatchesSql("Articles")}}) AS hit
        JOIN "Articles" AS a ON a."Id" = hit."Id"
        CROSS JOIN to_tsquery('{{Configuration}}', {0}) AS q(query)
        CROSS JOIN LATERAL (SELECT min(nullif(strpos(lower(a."Text"), stem), 0)) AS at
                            FROM unnest(tsvector_to_array(to_tsvector('{{Configuration}}', {3}))) AS stem) AS first
        CROSS JOIN LATERAL (SELECT greatest(1, first.at - 200) AS at) AS near
        CROSS JOIN LATERAL (SELECT CASE WHEN first.at IS NULL THEN a."Text"
                                        ELSE substr(a."Text", near.at + CASE WHEN near.at > 1 THEN strpos(substr(a."Text", near.at, 100), ' ') ELSE 0 END, 1200)
                                   END AS text) AS part
        CROSS JOIN LATERAL ts_headline('{{Configuration}}', part.text, q.query, {2}) AS from_part(snippet)
        CROSS JOIN LATERAL (SELECT CASE WHEN first.at IS NULL OR strpos(from_part.snippet, chr(2)) > 0 THEN from_part.snippet
                                        ELSE ts_headline('{{Configuration}}', a."Text", q.query, {2})
                                   END AS snippet) AS s
        ORDER BY a."Id" DESC
        """;

    static readonly string PostgreSqlWordsLeftSql = $$"""SELECT numnode(to_tsquery('{{Configuration}}', {0})) AS "Value" """;

    /// <summary>An ellipsis where the snippet stops short of the text's start or end, as FTS5's snippet() adds.</summary>
    static string WithEllipses(PostgreSqlArticleHit hit)
    {
        int length = hit.Snippet.Count(c => c is not (Highlight.Start or Highlight.End));
        bool fromStart = hit.SnippetAt == 1, toEnd = hit.SnippetAt > 0 && hit.SnippetAt - 1 + length >= hit.TextLength;
        return (fromStart ? "" : "…") + hit.Snippet.Trim() + (toEnd ? "" : "…");
    }

    public sealed record Hit(int Id, string Marked);
    public sealed record ArticleHit(int Id, string Title, string Snippet);
    public sealed record PostgreSqlArticleHit(int Id, string Title, string Snippet, int SnippetAt, int TextLength);
}

public sealed record ClaimResult(string Marked, ClaimKind Kind, string Speaker, string SpeakerSlug, int ArticleId, string ArticleTitle, string Source, DateTimeOffset PublishedAt);
public sealed record ArticleResult(int Id, string MarkedTitle, string Snippet, string Source, DateTimeOffset PublishedAt);
