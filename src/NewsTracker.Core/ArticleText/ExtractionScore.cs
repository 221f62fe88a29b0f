using System.Globalization;
using System.Text;

namespace NewsTracker.Core.ArticleText;

/// <summary>
/// How well an extracted article body matches the true one, scored exactly as the article-extraction
/// benchmark does: multisets of 4-word shingles, per-page normalised counts, means over pages.
/// </summary>
public static class ExtractionScore
{
    const int ShingleSize = 4;

    /// <summary>
    /// Maximal runs of letters (Lu, Ll, Lt, Lm, Lo), numbers (Nd, Nl, No) and '_'. Walks runes, not chars, so a
    /// letter outside the BMP stays one letter; combining marks split words, as in the reference scorer.
    /// </summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int start = -1;
        int index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                if (start < 0)
                    start = index;
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..index]);
                start = -1;
            }
            index += rune.Utf16SequenceLength;
        }
        if (start >= 0)
            tokens.Add(text[start..]);
        return tokens;
    }

    static bool IsWordRune(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>
    /// Every run of 4 consecutive tokens, in order, each as its tokens joined by a space (tokens hold no spaces).
    /// A text of 1 to 3 tokens gives one shingle of them all; no tokens, no shingles.
    /// </summary>
    public static List<string> Shingles(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
            return [];
        if (tokens.Count < ShingleSize)
            return [string.Join(' ', tokens)];
        var shingles = new List<string>(tokens.Count - ShingleSize + 1);
        for (int i = 0; i + ShingleSize <= tokens.Count; i++)
            shingles.Add(string.Join(' ', tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]));
        return shingles;
    }

    /// <summary>One page's tp, fp and fn over shingles, each divided by their sum, so every page weighs the same.</summary>
    public static PageScore ScorePage(string truth, string prediction)
    {
        var trueTokens = Tokenize(truth);
        var predictedTokens = Tokenize(prediction);
        var counts = new Dictionary<string, (int True, int Predicted)>(StringComparer.Ordinal);
        foreach (string s in Shingles(trueTokens))
            counts[s] = counts.TryGetValue(s, out var c) ? (c.True + 1, c.Predicted) : (1, 0);
        foreach (string s in Shingles(predictedTokens))
            counts[s] = counts.TryGetValue(s, out var c) ? (c.True, c.Predicted + 1) : (0, 1);

        long tp = 0, fp = 0, fn = 0;
        foreach (var (t, p) in counts.Values)
        {
            tp += Math.Min(t, p);
            fp += Math.Max(0, p - t);
            fn += Math.Max(0, t - p);
        }
        double total = tp + fp + fn;
        bool exact = trueTokens.SequenceEqual(predictedTokens, StringComparer.Ordinal);
        return total == 0
            ? new PageScore(0, 0, 0, exact)
            : new PageScore(tp / total, fp / total, fn / total, exact);
    }

    /// <summary>Precision averaged over pages whose prediction has words, recall over all pages, and their F1.</summary>
    public static CorpusScore Aggregate(IReadOnlyCollection<PageScore> pages)
    {
        var withWords = pages.Where(p => p.PredictionHasWords).ToList();
        double precision = withWords.Count == 0 ? 0 : withWords.Average(p => p.Precision);
        double recall = pages.Count == 0 ? 0 : pages.Average(p => p.Recall);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double accuracy = pages.Count == 0 ? 0 : (double)pages.Count(p => p.ExactTokens) / pages.Count;
        return new CorpusScore(f1, precision, recall, accuracy, pages.Count);
    }
}

/// <summary>A page's shingle counts, normalised to sum to 1, and whether the token lists were identical.</summary>
public readonly record struct PageScore(double TruePositive, double FalsePositive, double FalseNegative, bool ExactTokens)
{
    public bool PredictionHasWords => TruePositive + FalsePositive > 0;

    public double Precision =>
        FalsePositive == 0 && FalseNegative == 0 ? 1 : TruePositive == 0 && FalsePositive == 0 ? 0 : TruePositive / (TruePositive + FalsePositive);

    public double Recall =>
        FalsePositive == 0 && FalseNegative == 0 ? 1 : TruePositive == 0 && FalseNegative == 0 ? 0 : TruePositive / (TruePositive + FalseNegative);
}

/// <summary>The benchmark's four numbers over a set of pages.</summary>
public sealed record CorpusScore(double F1, double Precision, double Recall, double Accuracy, int Pages);
