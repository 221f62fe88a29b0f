using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

/// <summary>WordSet and PhraseTrie rule most words out by their first two letters; these check that nothing they hold is ruled out.</summary>
public class WordSetTests
{
    [Fact]
    public void Ignoring_case_finds_every_spelling_of_a_word_whatever_its_first_letters()
    {
        var set = new WordSet(["said", "a", "Türkiye", "élysée", "9th"], StringComparer.OrdinalIgnoreCase);
        foreach (var word in new[] { "said", "SAID", "sAid", "a", "A", "türkiye", "TÜRKIYE", "Élysée", "ÉLYSÉE", "9TH" })
            Assert.True(set.Contains(word), word);
        foreach (var word in new[] { "sad", "an", "Turkiye", "elysee", "", "s" })
            Assert.False(set.Contains(word), word);
    }

    [Fact]
    public void Matching_case_tells_capitals_apart()
    {
        var set = new WordSet(["von", "De"], StringComparer.Ordinal);
        Assert.True(set.Contains("von"));
        Assert.True(set.Contains("De"));
        Assert.False(set.Contains("Von"));
        Assert.False(set.Contains("de"));
    }

    [Fact]
    public void Only_ordinal_comparers_are_accepted()
    {
        Assert.Throws<ArgumentException>(() => new WordSet(StringComparer.InvariantCultureIgnoreCase));
    }

    [Fact]
    public void A_phrase_trie_ignoring_case_matches_phrases_in_any_case()
    {
        var trie = new PhraseTrie(ignoreCase: true);
        trie.Add("prisoner swap", 1);
        trie.Add("Élysée Palace", 2);
        const string text = "a PRISONER Swap at the élysée palace";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(1, trie.Match(text, tokens, 1, tokens.Length, out int swap));
        Assert.Equal(2, swap);
        Assert.Equal(2, trie.Match(text, tokens, 5, tokens.Length, out int palace));
        Assert.Equal(2, palace);
        Assert.Equal(-1, trie.Match(text, tokens, 0, tokens.Length, out _));
    }
}
