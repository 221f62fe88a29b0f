namespace NewsTracker.Core.Extraction;

/// <summary>
/// Splits plain article text into sentences. A line break always ends a sentence (feeds put headings, bullets
/// and paragraphs on lines of their own); inside a line a sentence ends at . ! ? (with any closing quotes
/// or brackets after it) followed by a capital, a digit or an opening quote, unless the dot belongs to a
/// title ("Mr."), an initial ("J."), a dotted abbreviation ("U.S." before an ordinary word) or a month ("Aug.").
/// </summary>
public static class SentenceSplitter
{
    static readonly WordSet Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Maj", "Capt", "Adm", "Sgt",
        "St", "Jr", "Sr", "Mt", "vs", "Rev", "Hon", "Pres", "Amb", "Fr", "Inc", "Corp", "Co", "Ltd", "approx",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    /// <summary>Words that start a new sentence even after a dotted abbreviation such as "U.S.".</summary>
    static readonly WordSet SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "This", "That", "These", "Those",
        "His", "Her", "Their", "On", "At", "As", "However", "Meanwhile", "There", "After", "Before", "While", "If",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var result = new List<TextSpan>(text.Length / 80 + 4);
        int n = text.Length, start = 0;
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c == '\n' || c == '\r')
            {
                Add(result, text, start, i);
                start = i + 1;
                continue;
            }
            if (c is not ('.' or '!' or '?' or '…')) continue;
            int j = i + 1;
            while (j < n && text[j] is '"' or '”' or '’' or '\'' or ')' or ']' or '.' or '!' or '?') j++;
            if (j >= n || text[j] is not (' ' or '\t' or '\u00a0')) continue;
            int k = j;
            while (k < n && text[k] is ' ' or '\t' or '\u00a0') k++;
            if (k >= n || text[k] == '\n' || text[k] == '\r') continue; // the line break ends it anyway
            char next = text[k];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '“' or '"' or '‘' or '(' or '[' or '•' or '-' or '—')) continue;
            if (c == '.' && !EndsSentence(text, i, k)) continue;
            Add(result, text, start, j);
            start = j;
            i = j - 1;
        }
        Add(result, text, start, n);
        return result;
    }

    /// <summary>Whether the dot at <paramref name="dot"/> ends a sentence, given that the next one would start at <paramref name="next"/>.</summary>
    static bool EndsSentence(string text, int dot, int next)
    {
        int w = dot;
        while (w > 0 && (char.IsLetter(text[w - 1]) || text[w - 1] == '.')) w--;
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 0) return true;
        if (word.Length == 1 && char.IsUpper(word[0])) return false; // an initial: "J. Smith"
        if (word.Contains('.'))
        {
            // "U.S." "J.D.": ends a sentence only before an ordinary sentence opener.
            int e = next;
            while (e < text.Length && char.IsLetter(text[e])) e++;
            return SentenceStarters.Contains(text.AsSpan(next, e - next));
        }
        return !Abbreviations.Contains(word);
    }

    static void Add(List<TextSpan> result, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new TextSpan(start, end));
    }
}
