using System.Collections.Concurrent;
using NewsTracker.Core.Extraction;

namespace NewsTracker.Web.Ingestion;

/// <summary>
/// The extractor as ingestion runs it, and the stored articles it has failed on in this process. Extraction is
/// deterministic: an article it failed on fails the same way on every pass, so it is not retried on every tick. It
/// stays stored and pending (its page shows its text), its failure is logged once, and a new process (a fixed build,
/// a changed story file) tries it again.
/// </summary>
public sealed class ArticleExtraction(IArticleExtractor extractor, ILogger<ArticleExtraction> log)
{
    readonly ConcurrentDictionary<int, byte> failedArticles = new();

    /// <summary>The article's facts, or null when extraction threw (logged here with <paramref name="source"/>).</summary>
    public ExtractionResult? TryExtract(string text, DateTimeOffset published, string source)
    {
        try { return extractor.Extract(text, published); }
        catch (Exception e)
        {
            // A bug in extraction must not lose the article: it is stored pending.
            log.LogError(e, "Extraction failed for {Source}; the article is kept, pending, and extraction is tried again when the app next starts", source);
            return null;
        }
    }

    /// <summary>Records that a stored article's extraction failed, so that the pending pass leaves it alone.</summary>
    public void Failed(int articleId) => failedArticles.TryAdd(articleId, 0);

    public bool HasFailed(int articleId) => failedArticles.ContainsKey(articleId);

    /// <summary>How many stored articles extraction has failed on since the app started.</summary>
    public int FailedCount => failedArticles.Count;
}
