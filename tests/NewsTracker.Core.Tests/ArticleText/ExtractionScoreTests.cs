using System.Text.Json;
using NewsTracker.Core.ArticleText;

namespace NewsTracker.Core.Tests.ArticleText;

public class ExtractionScoreTests
{
    static readonly string TestData = Path.Combine(RepoPaths.Root, "tests", "NewsTracker.Core.Tests", "ArticleText", "TestData");

    static JsonElement ReadJson(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData, name))).RootElement;

    [Fact]
    public void TokenizerAndShinglesMatchTheReferenceVectors()
    {
        foreach (var vector in ReadJson("tokenizer-test-vectors.json").EnumerateArray())
        {
            string text = vector.GetProperty("text").GetString()!;
            var expectedTokens = vector.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToList();
            var expectedShingles = vector.GetProperty("shingles4").EnumerateArray()
                .Select(s => string.Join(' ', s.EnumerateArray().Select(t => t.GetString()))).ToList();

            var tokens = ExtractionScore.Tokenize(text);

            Assert.Equal(expectedTokens, tokens);
            Assert.Equal(expectedShingles, ExtractionScore.Shingles(tokens));
        }
    }

    [Fact]
    public void EmptyTextHasNoShingles()
    {
        Assert.Empty(ExtractionScore.Shingles(ExtractionScore.Tokenize(" … ")));
    }

    [Fact]
    public void PageScoresReproduceTheReferenceScorer()
    {
        // goose3's published output for two development pages (scrapinghub/article-extraction-benchmark, MIT),
        // the true bodies of those pages, and what the reference scorer made of them.
        var predictions = ReadJson("goose3-predictions.json");
        var truths = ReadJson("ground-truth-sample.json");
        var expected = ReadJson("expected-per-page.json").GetProperty("goose3");

        foreach (var page in predictions.EnumerateObject())
        {
            string truth = truths.GetProperty(page.Name).GetProperty("articleBody").GetString()!;
            string prediction = page.Value.GetProperty("articleBody").GetString()!;
            var want = expected.GetProperty(page.Name);

            var score = ExtractionScore.ScorePage(truth, prediction);

            Assert.Equal(want.GetProperty("tp").GetDouble(), score.TruePositive, 12);
            Assert.Equal(want.GetProperty("fp").GetDouble(), score.FalsePositive, 12);
            Assert.Equal(want.GetProperty("fn").GetDouble(), score.FalseNegative, 12);
            Assert.Equal(want.GetProperty("accuracy").GetDouble() == 1, score.ExactTokens);
            Assert.Equal(want.GetProperty("n_true_tokens").GetInt32(), ExtractionScore.Tokenize(truth).Count);
            Assert.Equal(want.GetProperty("n_pred_tokens").GetInt32(), ExtractionScore.Tokenize(prediction).Count);
        }
    }

    [Theory]
    // The published development scores of these tools (dev-scores.tsv) from their per-page values.
    [InlineData("trafilatura", 0.963, 0.940, 0.987, 0.275)]
    [InlineData("goose3", 0.894, 0.940, 0.852, 0.176)]
    [InlineData("html-text", 0.659, 0.493, 0.994, 0.000)]
    public void AggregateReproducesThePublishedScores(string tool, double f1, double precision, double recall, double accuracy)
    {
        var pages = ReadJson("expected-per-page.json").GetProperty(tool).EnumerateObject()
            .Select(p => new PageScore(
                p.Value.GetProperty("tp").GetDouble(),
                p.Value.GetProperty("fp").GetDouble(),
                p.Value.GetProperty("fn").GetDouble(),
                p.Value.GetProperty("accuracy").GetDouble() == 1))
            .ToList();

        var score = ExtractionScore.Aggregate(pages);

        Assert.Equal(91, score.Pages);
        Assert.Equal(f1, score.F1, 3);
        Assert.Equal(precision, score.Precision, 3);
        Assert.Equal(recall, score.Recall, 3);
        Assert.Equal(accuracy, score.Accuracy, 3);
    }

    [Fact]
    public void PagesWithoutPredictedWordsCountForRecallOnly()
    {
        var exact = ExtractionScore.ScorePage("one two three four five", "one two three four five");
        var missed = ExtractionScore.ScorePage("one two three four five", "");

        var score = ExtractionScore.Aggregate([exact, missed]);

        Assert.True(exact.ExactTokens);
        Assert.False(missed.PredictionHasWords);
        Assert.Equal(1.0, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal(0.5, score.Accuracy);
    }
}
