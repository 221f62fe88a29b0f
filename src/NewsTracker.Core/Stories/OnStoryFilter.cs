using System.Text.RegularExpressions;
using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Stories;

/// <summary>
/// Tells whether an article belongs to the story. With the story's <see cref="StoryRelevance"/>, an article is
/// on-story when it reports the story itself: two of its sentences (the title counts as one) name the story's subject
/// together with what the story follows and nothing it is not about, or one such sentence leads it (the title or the
/// first two sentences). A war report with a paragraph on the talks passes; the war alone, the same leaders' other
/// business, or another conflict's ceasefire do not. A story file without relevance terms falls back to the
/// presence of any on-story term.
/// </summary>
public sealed class OnStoryFilter
{
    /// <summary>Sentences about the story that make an article on-story wherever they stand.</summary>
    const int EnoughSentences = 2;

    /// <summary>How many leading sentences of the text count as its lead, beside the title.</summary>
    const int LeadSentences = 2;

    readonly Regex? _terms, _subject, _follows, _notAbout;

    public OnStoryFilter(StoryDefinition story)
    {
        _terms = WholeWords(story.OnStoryTerms);
        if (story.Relevance is { } relevance)
        {
            _subject = WholeWords(relevance.Subject);
            _follows = WholeWords(relevance.Follows);
            _notAbout = WholeWords(relevance.NotAbout ?? []);
        }
    }

    static Regex? WholeWords(IEnumerable<string> terms)
    {
        var alternatives = terms.Where(t => !string.IsNullOrWhiteSpace(t)).OrderByDescending(t => t.Length).Select(Regex.Escape).ToList();
        return alternatives.Count == 0 ? null : new Regex($@"(?<!\w)(?:{string.Join('|', alternatives)})(?!\w)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>Whether the article with this title and plain text is on-story.</summary>
    public bool Matches(string title, string text)
    {
        if (_subject is null || _follows is null)
            return _terms is not null && (_terms.IsMatch(title) || _terms.IsMatch(text));
        if (IsAboutTheStory(title)) return true;
        int about = 0, index = 0;
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            if (IsAboutTheStory(text.AsSpan(sentence.Start, sentence.Length)) && (index < LeadSentences || ++about >= EnoughSentences))
                return true;
            index++;
        }
        return false;
    }

    bool IsAboutTheStory(ReadOnlySpan<char> sentence) =>
        _subject!.IsMatch(sentence) && _follows!.IsMatch(sentence) && (_notAbout is null || !_notAbout.IsMatch(sentence));
}
