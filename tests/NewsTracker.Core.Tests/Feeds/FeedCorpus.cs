using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

/// <summary>One feed of the feedparser conformance corpus, run through <see cref="FeedParser"/>.</summary>
public sealed record CorpusCase(string Path, string Group, string? ContentType, string Expectation);

/// <summary>How a case went; <see cref="ParseError"/> is the FeedParseException message when the parser refused the document.</summary>
public sealed record CorpusOutcome(CorpusCase Case, Verdict Verdict, string Detail, string? ParseError, Exception? Crash)
{
    public bool Rejected => ParseError is not null;
}

/// <summary>Reads the copied corpus (Feeds/Corpus, see its README.md) and the checked-in list of known failures.</summary>
public static class FeedCorpus
{
    public static readonly string Root = System.IO.Path.Combine(AppContext.BaseDirectory, "Feeds", "Corpus");

    /// <summary>Groups whose applicable cases count towards the pass-rate goal; "illformed" only must not crash.</summary>
    public static readonly string[] ScoredGroups = ["rss-item", "date-rss", "atom10-entry", "date-atom", "rdf", "encoding"];

    public static IReadOnlyDictionary<string, CorpusCase> Cases { get; } = LoadCases();

    public static IReadOnlyDictionary<string, string> KnownFailures { get; } = LoadKnownFailures("known-failures.tsv");

    public static IReadOnlyDictionary<string, string> KnownDateFailures { get; } = LoadKnownFailures("date-known-failures.tsv");

    private static Dictionary<string, CorpusCase> LoadCases()
    {
        var expectations = File.ReadLines(System.IO.Path.Combine(Root, "expectations.tsv"))
            .Select(line => line.Split('\t', 2))
            .ToDictionary(fields => fields[0], fields => fields[1]);
        return File.ReadLines(System.IO.Path.Combine(Root, "metadata.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(fields => new CorpusCase(fields[0], fields[1], ContentType(fields[3], fields[4]), expectations[fields[0]]))
            .ToDictionary(corpusCase => corpusCase.Path);
    }

    /// <summary>feedparser serves "http" files with their Header: lines, Content-Type defaulting to text/xml.</summary>
    private static string? ContentType(string httpMode, string headers)
    {
        if (httpMode != "yes")
            return null;
        const string name = "content-type:";
        return headers.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? headers[name.Length..].Trim() : "text/xml";
    }

    /// <summary>Lines of "key TAB reason"; '#' starts a comment line.</summary>
    private static Dictionary<string, string> LoadKnownFailures(string fileName) =>
        File.ReadLines(System.IO.Path.Combine(Root, fileName))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(fields => fields[0] + (fields.Length > 2 ? "\t" + fields[1] : ""), fields => fields[^1]);

    public static CorpusOutcome Run(CorpusCase corpusCase)
    {
        var bytes = File.ReadAllBytes(System.IO.Path.Combine(Root, corpusCase.Path));
        ParsedFeed? feed = null;
        string? error = null;
        try
        {
            feed = FeedParser.Parse(bytes, corpusCase.ContentType);
        }
        catch (FeedParseException e)
        {
            error = e.Message;
        }
        catch (Exception e)
        {
            return new CorpusOutcome(corpusCase, Verdict.Fail, "crashed: " + e, ParseError: null, Crash: e);
        }
        var (verdict, detail) = FeedparserExpectation.Evaluate(corpusCase.Expectation, feed, error);
        return new CorpusOutcome(corpusCase, verdict, detail, ParseError: error, Crash: null);
    }
}
