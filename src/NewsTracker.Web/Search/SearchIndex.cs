namespace NewsTracker.Web.Search;

/// <summary>
/// SQLite FTS5 indexes over article titles and texts and over claims, kept in step with their tables by triggers.
/// They are not part of the EF model (EF has no notion of virtual tables), so the schema upgrader creates them for a
/// new database as well as in the upgrade step that introduced them.
/// </summary>
public static class SearchIndex
{
    /// <summary>unicode61 with diacritics removed: "Zelenskyy" matches however the accents were typed.</summary>
    const string Tokenizer = "tokenize = 'unicode61 remove_diacritics 2'";

    public static readonly string[] CreateSql =
    [
        $"CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Text, content = 'Articles', content_rowid = 'Id', {Tokenizer})",
        "CREATE TRIGGER ArticleSearch_Insert AFTER INSERT ON Articles BEGIN INSERT INTO ArticleSearch (rowid, Title, Text) VALUES (new.Id, new.Title, new.Text); END",
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

    /// <summary>Indexes what the tables already hold (for a database that had rows before the index existed).</summary>
    public static readonly string[] RebuildSql =
    [
        "INSERT INTO ArticleSearch (ArticleSearch) VALUES ('rebuild')",
        "INSERT INTO ClaimSearch (ClaimSearch) VALUES ('rebuild')",
    ];

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
