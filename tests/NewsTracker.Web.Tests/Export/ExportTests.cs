using System.Text.Json;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Export;

public sealed class ExportTests(SampleApp sample) : IClassFixture<SampleApp>
{
    [Fact]
    public async Task Export_has_every_article_with_claims_whose_spans_index_into_its_text()
    {
        using var json = JsonDocument.Parse(await sample.Client.GetStringAsync("/api/export"));
        var root = json.RootElement;

        var articles = root.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(5, articles.Count);
        var eventIds = root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        foreach (var article in articles)
        {
            string text = article.GetProperty("text").GetString()!;
            Assert.StartsWith("https://example.org/seeds/", article.GetProperty("url").GetString());
            foreach (var claim in article.GetProperty("claims").EnumerateArray())
            {
                int start = claim.GetProperty("start").GetInt32(), end = claim.GetProperty("end").GetInt32();
                Assert.Equal(claim.GetProperty("text").GetString(), text[start..end]);
                Assert.Contains(claim.GetProperty("kind").GetString(), new[] { "quote", "statement" });
            }
            foreach (var id in article.GetProperty("events").EnumerateArray())
                Assert.Contains(id.GetString(), eventIds);
        }

        // The White House summit of 18 August 2025 is reported by four of the five articles: one event, four sources.
        var whiteHouse = root.GetProperty("events").EnumerateArray().Where(e =>
            e.GetProperty("date").ValueKind == JsonValueKind.String && e.GetProperty("date").GetString() == "2025-08-18"
            && e.GetProperty("place").ValueKind == JsonValueKind.String && e.GetProperty("place").GetString() == "White House").ToList();
        Assert.Single(whiteHouse);
        Assert.True(whiteHouse[0].GetProperty("articles").GetArrayLength() >= 3);

        var actors = root.GetProperty("actors").EnumerateArray().ToList();
        var zelenskyy = actors.Single(a => a.GetProperty("name").GetString() == "Volodymyr Zelenskyy");
        Assert.Contains("Zelenskiy", zelenskyy.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }
}
