namespace NewsTracker.Core.ArticleText;

/// <summary>
/// Recognises the same text under another URL or outlet (wire copy, a repost with its own byline and footer).
/// A 64-bit SimHash of word 3-shingles finds candidates cheaply: near-identical texts land within a few bits of
/// each other, different articles on the same story differ in about half of them. Short texts make SimHash noisy,
/// so a candidate is confirmed by comparing the shingles themselves (<see cref="AreNearDuplicates(string, string)"/>).
/// </summary>
public static class TextFingerprint
{
    /// <summary>Texts shorter than this have too few shingles for the fingerprint to mean anything.</summary>
    public const int MinimumWords = 40;

    /// <summary>Fingerprints this close are worth comparing text by text.</summary>
    public const int CandidateDistance = 14;

    /// <summary>The share of the shorter text's shingles that must appear in the longer one.</summary>
    public const double NearDuplicateContainment = 0.8;

    /// <summary>The fingerprint, or null when the text is too short to fingerprint reliably.</summary>
    public static long? Of(string text)
    {
        var words = Words(text);
        if (words.Count < MinimumWords) return null;

        // A bit of the fingerprint is set where more shingle hashes have it set than clear: counting the set ones
        // (no branch per bit) and comparing with half the shingles is the same vote.
        Span<int> ones = stackalloc int[64];
        int shingles = words.Count - 2;
        for (int i = 0; i < shingles; i++)
        {
            ulong hash = ShingleHash(text, words, i);
            for (int bit = 0; bit < 64; bit++)
                ones[bit] += (int)((hash >> bit) & 1);
        }
        ulong fingerprint = 0;
        for (int bit = 0; bit < 64; bit++)
            if (2 * ones[bit] > shingles) fingerprint |= 1UL << bit;
        return unchecked((long)fingerprint);
    }

    const ulong FnvOffset = 14695981039346656037, FnvPrime = 1099511628211;

    /// <summary>
    /// FNV-1a over the word lower-cased char by char: the same values as hashing its lower-cased string (words hold no
    /// surrogates, which are not letters), without making that string; stored fingerprints depend on the values.
    /// </summary>
    static ulong Fnv1a(ReadOnlySpan<char> word, ulong hash)
    {
        foreach (char c in word) hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
        return hash;
    }

    /// <summary>FNV's high bits are weak; a finaliser (from SplitMix64) spreads every input bit over all 64.</summary>
    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    public static bool MayBeNearDuplicates(long a, long b) => Distance(a, b) <= CandidateDistance;

    /// <summary>Whether most of the shorter text's word 3-shingles appear in the longer: the same article, give or take a byline or footer.</summary>
    public static bool AreNearDuplicates(string a, string b) => ShingleSet.Of(a).IsNearDuplicateOf(ShingleSet.Of(b));

    /// <summary>A text's word 3-shingles, made once when the text is compared with several others.</summary>
    public sealed class ShingleSet
    {
        readonly HashSet<ulong> shingles;

        ShingleSet(HashSet<ulong> shingles) => this.shingles = shingles;

        public static ShingleSet Of(string text)
        {
            var words = Words(text);
            var shingles = new HashSet<ulong>(words.Count);
            for (int i = 0; i + 3 <= words.Count; i++) shingles.Add(ShingleHash(text, words, i));
            return new ShingleSet(shingles);
        }

        /// <summary>See <see cref="AreNearDuplicates(string, string)"/>.</summary>
        public bool IsNearDuplicateOf(ShingleSet other)
        {
            var (smaller, larger) = shingles.Count <= other.shingles.Count ? (shingles, other.shingles) : (other.shingles, shingles);
            if (smaller.Count == 0) return false;
            int shared = 0;
            foreach (ulong shingle in smaller)
                if (larger.Contains(shingle)) shared++;
            return shared >= NearDuplicateContainment * smaller.Count;
        }
    }

    static ulong ShingleHash(string text, List<Range> words, int i)
    {
        ulong hash = FnvOffset;
        for (int w = i; w < i + 3; w++)
            hash = Fnv1a(text.AsSpan()[words[w]], hash) * FnvPrime; // the multiply separates words, so "ab c" differs from "a bc"
        return Mix(hash);
    }

    /// <summary>Where the words of letters and digits are; case, punctuation and quote styles do not matter.</summary>
    static List<Range> Words(string text)
    {
        var words = new List<Range>(text.Length / 5);
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                words.Add(start..i);
                start = -1;
            }
        }
        return words;
    }
}
