using System.Text.RegularExpressions;

namespace NewsTracker.Core.Stories;

/// <summary>Tells whether a text belongs to the story: it names at least one of the story's on-story terms as a whole word.</summary>
public sealed class OnStoryFilter
{
    readonly Regex _terms;

    public OnStoryFilter(StoryDefinition story)
    {
        var alternatives = story.OnStoryTerms.Where(t => !string.IsNullOrWhiteSpace(t))
            .OrderByDescending(t => t.Length)
            .Select(Regex.Escape);
        _terms = new Regex($@"(?<!\w)(?:{string.Join('|', alternatives)})(?!\w)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public bool Matches(string text) => _terms.IsMatch(text);
}
