namespace NewsTracker.Core.Extraction;

/// <summary>
/// Phrases (names, aliases, topic terms) stored as token sequences, so one walk over an article's tokens finds
/// the longest phrase at each position with dictionary look-ups on spans (no substrings, no regex per phrase).
/// Phrases are tokenized like article text, so "cease-fire" and "J. D. Vance" match exactly their own spelling.
/// </summary>
internal sealed class PhraseTrie
{
    sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> Lookup;
        public int Value = -1;
    }

    readonly Node root = new();
    readonly StringComparer comparer;
    /// <summary>How the first words of the phrases begin: most tokens are ruled out without hashing them.</summary>
    readonly WordStarts firstWords;

    public PhraseTrie(bool ignoreCase)
    {
        comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        firstWords = new WordStarts(ignoreCase);
    }

    /// <summary>Adds a phrase; when it is already present the first value is kept.</summary>
    public void Add(string phrase, int value)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Length == 0) return;
        firstWords.Add(tokens[0].Of(phrase));
        var node = root;
        foreach (var t in tokens)
        {
            if (node.Next is null)
            {
                node.Next = new Dictionary<string, Node>(comparer);
                node.Lookup = node.Next.GetAlternateLookup<ReadOnlySpan<char>>();
            }
            var key = phrase[t.Start..t.End];
            if (!node.Next.TryGetValue(key, out var child)) node.Next[key] = child = new Node();
            node = child;
        }
        if (node.Value < 0) node.Value = value;
    }

    /// <summary>The value of the longest phrase starting at token <paramref name="start"/> (before <paramref name="limit"/>), or -1.</summary>
    public int Match(string text, Token[] tokens, int start, int limit, out int length)
    {
        length = 0;
        int value = -1;
        if (!firstWords.MayStart(tokens[start].Of(text))) return -1;
        var node = root;
        for (int i = start; i < limit && node.Next is not null; i++)
        {
            if (!node.Lookup.TryGetValue(tokens[i].Of(text), out var child)) break;
            node = child;
            if (node.Value >= 0) { value = node.Value; length = i - start + 1; }
            if (tokens[i].Possessive) break; // "Trump's White House" is not one name
        }
        return value;
    }
}
