using NewsTracker.Core.ArticleText;

namespace NewsTracker.Core.Tests.ArticleText;

public sealed class TextFingerprintTests
{
    const string Story = """
        Ukrainian President Volodymyr Zelenskiy said on Tuesday that talks with Russia on a ceasefire could begin within weeks,
        after a meeting with European leaders in Kyiv that focused on security guarantees for Ukraine and the future of the front line.

        The president told reporters that any agreement would have to be backed by Western partners, and that Ukraine would not
        give up territory in exchange for a pause in the fighting. Officials said a further round of talks was planned for next month.
        """;

    [Fact]
    public void A_syndicated_copy_with_another_byline_and_footer_is_a_near_duplicate()
    {
        var copy = "By Jane Doe, Wire Service\n\n" + Story.Replace("Zelenskiy", "Zelensky") + "\n\nThis story first appeared on Wire Service.";
        long a = TextFingerprint.Of(Story)!.Value, b = TextFingerprint.Of(copy)!.Value;
        Assert.True(TextFingerprint.MayBeNearDuplicates(a, b), $"distance {TextFingerprint.Distance(a, b)}");
        Assert.True(TextFingerprint.AreNearDuplicates(Story, copy));
    }

    [Fact]
    public void Another_article_on_the_same_story_is_not()
    {
        const string other = """
            Russian President Vladimir Putin told a meeting of his security council in Moscow that Russia remained open to negotiations,
            but insisted that any settlement recognise what the Kremlin calls the new territorial realities on the ground.
            Putin's spokesman said no date had been set for a meeting with Ukraine's leader, and that sanctions relief would be part
            of any deal discussed with Washington in the coming weeks, according to a transcript published by state media on Wednesday.
            """;
        long a = TextFingerprint.Of(Story)!.Value, b = TextFingerprint.Of(other)!.Value;
        Assert.False(TextFingerprint.MayBeNearDuplicates(a, b), $"distance {TextFingerprint.Distance(a, b)}");
        Assert.False(TextFingerprint.AreNearDuplicates(Story, other));
    }

    [Fact]
    public void A_summary_is_too_short_to_fingerprint() =>
        Assert.Null(TextFingerprint.Of("Zelenskiy met Trump at the White House on Monday."));

    [Fact]
    public void Punctuation_quote_style_and_case_do_not_change_the_fingerprint() =>
        Assert.Equal(TextFingerprint.Of(Story), TextFingerprint.Of(Story.ToUpperInvariant().Replace(",", " ").Replace("'", "’")));

    /// <summary>
    /// Stored articles keep the fingerprint they were given, and new ones are compared with them: a change to how the
    /// fingerprint is computed must give the same values (these were computed before the hashing stopped allocating a
    /// string per word), or copies of articles stored earlier would no longer be found.
    /// </summary>
    [Fact]
    public void Fingerprints_keep_the_values_stored_by_earlier_versions()
    {
        string accents = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"Élan{i} ZELENSKYY’s talks, Ünïcode İstanbul 2025-{i}"));
        Assert.Equal(-6322765066975466456L, TextFingerprint.Of(accents));
        Assert.Equal(-8398758353360948762L, TextFingerprint.Of(string.Concat(Enumerable.Repeat(Story, 3))));
    }
}
