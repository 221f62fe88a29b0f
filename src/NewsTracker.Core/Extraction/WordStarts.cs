namespace NewsTracker.Core.Extraction;

/// <summary>
/// The first two letters of every word of a set. Most words of an article begin unlike every word of a given set,
/// so checking their first two letters rules them out with one array read instead of hashing the word
/// (case-insensitive hashing of spans was the largest single cost of extraction).
/// </summary>
internal sealed class WordStarts(bool ignoreCase)
{
    // A-Z, a-z (when case matters), and one slot for anything else: any other character, or the end of the word.
    const int Slots = 53, Other = 52;
    readonly bool[] seen = new bool[Slots * Slots];

    public static WordStarts Of(IEnumerable<string> words, bool ignoreCase)
    {
        var starts = new WordStarts(ignoreCase);
        foreach (var w in words) starts.Add(w);
        return starts;
    }

    public void Add(ReadOnlySpan<char> word) => seen[Key(word)] = true;

    /// <summary>False when no word of the set begins like <paramref name="word"/>; true says only that one might.</summary>
    public bool MayStart(ReadOnlySpan<char> word) => seen[Key(word)];

    int Key(ReadOnlySpan<char> word) => Slot(word, 0) * Slots + Slot(word, 1);

    int Slot(ReadOnlySpan<char> word, int i)
    {
        if (i >= word.Length) return Other;
        // ToUpperInvariant folds every character that OrdinalIgnoreCase equates with an ASCII letter onto that letter.
        char c = ignoreCase ? char.ToUpperInvariant(word[i]) : word[i];
        if (c is >= 'A' and <= 'Z') return c - 'A';
        if (c is >= 'a' and <= 'z') return 26 + c - 'a';
        return Other;
    }
}
