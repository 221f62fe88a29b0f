namespace NewsTracker.Core.Feeds;

/// <summary>A feed as parsed from RSS 2.0, RSS 1.0/0.9 (RDF) or Atom: its title and its items, nothing else.</summary>
public sealed record ParsedFeed(string? Title, string? Link, IReadOnlyList<FeedItem> Items);

/// <summary>One entry of a feed. <see cref="Summary"/> and <see cref="Content"/> are HTML as the feed carried them.</summary>
public sealed record FeedItem(
    string? Id,
    string? Title,
    string? Link,
    DateTimeOffset? Published,
    string? Author,
    string? Summary,
    string? Content);

/// <summary>Thrown when a document is not a feed that can be read; the message says what was wrong, for the feed's status line.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner);
