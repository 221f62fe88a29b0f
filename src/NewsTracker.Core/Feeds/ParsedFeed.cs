namespace NewsTracker.Core.Feeds;

/// <summary>
/// A feed as parsed from RSS 2.0, RSS 1.0/0.9 (RDF) or Atom: its title and its items, nothing else.
/// <see cref="Encoding"/> is the character encoding the bytes were decoded with (lower-case name, e.g. "utf-8").
/// <see cref="DroppedCharacterCount"/> is how many characters that XML 1.0 forbids (C0 controls other than tab, CR and
/// LF; lone surrogates; U+FFFE, U+FFFF), raw or as character references, were dropped so that the rest could be read.
/// </summary>
public sealed record ParsedFeed(string? Title, string? Link, IReadOnlyList<FeedItem> Items, string? Encoding = null, int DroppedCharacterCount = 0);

/// <summary>
/// One entry of a feed. <see cref="Summary"/> and <see cref="Content"/> are HTML as the feed carried them.
/// <see cref="Published"/> falls back to <see cref="Updated"/> when the feed gives no publication date.
/// </summary>
public sealed record FeedItem(
    string? Id,
    string? Title,
    string? Link,
    DateTimeOffset? Published,
    string? Author,
    string? Summary,
    string? Content,
    DateTimeOffset? Updated = null);

/// <summary>Thrown when a document is not a feed that can be read; the message says what was wrong, for the feed's status line.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner);
