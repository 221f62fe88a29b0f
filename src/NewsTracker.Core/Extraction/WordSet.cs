using System.Collections;

namespace NewsTracker.Core.Extraction;

/// <summary>
/// A set of words looked up by span, so rules can test a token without allocating its string.
/// The span lookup is created once, not per test: the rules ask millions of times per second.
/// </summary>
internal sealed class WordSet : IEnumerable<string>
{
    readonly HashSet<string> words;
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public WordSet(StringComparer comparer)
    {
        words = new HashSet<string>(comparer);
        lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public WordSet(IEnumerable<string> items, StringComparer comparer) : this(comparer)
    {
        foreach (var w in items) words.Add(w);
    }

    public void Add(string word) => words.Add(word);

    public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);

    public IEnumerator<string> GetEnumerator() => words.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
