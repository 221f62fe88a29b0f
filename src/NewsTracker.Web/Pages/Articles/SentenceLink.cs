namespace NewsTracker.Web.Pages.Articles;

/// <summary>
/// A citation of one sentence of an article: <c>/articles/{id}#s{start}</c>, where start is the sentence's offset in the
/// stored text. The article page gives every sentence its facts were taken from an element with that id, so following a
/// citation scrolls to the sentence and <c>:target</c> marks it, with no script.
/// </summary>
public static class SentenceLink
{
    public static string To(int articleId, int sentenceStart) => $"/articles/{articleId}#{Anchor(sentenceStart)}";

    /// <summary>The element id of the sentence that starts at this offset.</summary>
    public static string Anchor(int sentenceStart) => $"s{sentenceStart}";
}
