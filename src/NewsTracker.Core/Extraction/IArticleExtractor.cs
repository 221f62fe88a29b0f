namespace NewsTracker.Core.Extraction;

/// <summary>Finds a story's facts in one article's plain text (<see cref="StoryExtractor"/>; ingestion depends on this alone).</summary>
public interface IArticleExtractor
{
    /// <param name="text">The article's plain text, paragraphs separated by line breaks.</param>
    /// <param name="published">When it was published: relative dates ("last Friday") are resolved against its date.</param>
    ExtractionResult Extract(string text, DateTimeOffset published);
}
