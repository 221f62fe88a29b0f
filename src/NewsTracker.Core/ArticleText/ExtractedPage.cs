namespace NewsTracker.Core.ArticleText;

/// <summary>
/// What a whole article page yields: its title, its main text in the app's article text format (title not
/// included), the canonical URL (absolute when the page or its URL allows), and the publication time and author when the page states them.
/// <see cref="DroppedCharacterCount"/> is how many characters XML 1.0 forbids (controls, U+FFFE, U+FFFF) the page's
/// text had, raw or as references, and the article text does not.
/// </summary>
public sealed record ExtractedPage(string? Title, string Text, string? CanonicalUrl, DateTimeOffset? Published, string? Author, int DroppedCharacterCount = 0);
