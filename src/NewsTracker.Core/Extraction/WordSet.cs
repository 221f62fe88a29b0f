using System.Collections;

namespace NewsTracker.Core.Extraction;

/// <summary>
/// A set of words looked up by span, so rules can test a token without allocating its string.
/// The span lookup is created once, not per test: the rules ask millions of times per second, and most
/// words are ruled out by their first two letters (<see cref="WordStarts"/>) before any hashing.
/// </summary>
internal sealed class WordSet : IEnumerable<string>
{
    readonly HashSet<string> words;
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    readonly WordStarts starts;

    /// <param name="comparer">StringComparer.Ordinal or StringComparer.OrdinalIgnoreCase.</param>
    public WordSet(StringComparer comparer)
    {
        if (comparer != StringComparer.Ordinal && comparer != StringComparer.OrdinalIgnoreCase)
            throw new ArgumentException("WordStarts folds case as OrdinalIgnoreCase does; other comparers are not supported", nameof(comparer));
        words = new HashSet<string>(comparer);
        lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        starts = new WordStarts(ignoreCase: comparer == StringComparer.OrdinalIgnoreCase);
    }

    public WordSet(IEnumerable<string> items, StringComparer comparer) : this(comparer)
    {
        foreach (var w in items) Add(w);
    }

    public void Add(string word)
    {
        words.Add(word);
        starts.Add(word);
    }

    public bool Contains(ReadOnlySpan<char> word) => starts.MayStart(word) && lookup.Contains(word);

    public IEnumerator<string> GetEnumerator() => words.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
