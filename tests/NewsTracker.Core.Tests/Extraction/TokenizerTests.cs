using NewsTracker.Core.Extraction;

namespace NewsTracker.Core.Tests.Extraction;

public class TokenizerTests
{
    static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    [Fact]
    public void Possessive_s_is_a_flag_not_a_token()
    {
        const string text = "Trump’s plan and the leaders' view, can't stop";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["Trump", "plan", "and", "the", "leaders", "view", ",", "can't", "stop"], Words(text));
        Assert.True(tokens[0].Possessive);
        Assert.True(tokens[4].Possessive);
        Assert.False(tokens[7].Possessive);
    }

    [Fact]
    public void Initials_keep_their_dots_and_hyphens_split_words()
    {
        Assert.Equal(["J.D.", "Vance", "and", "J.", "D.", "Vance", "U.S.", "-", "backed", "cease", "-", "fire"], Words("J.D. Vance and J. D. Vance U.S.-backed cease-fire"));
    }

    [Fact]
    public void Numbers_keep_separators()
    {
        Assert.Equal(["$", "1,000", "or", "5.5", "%"], Words("$1,000 or 5.5%"));
    }
}
