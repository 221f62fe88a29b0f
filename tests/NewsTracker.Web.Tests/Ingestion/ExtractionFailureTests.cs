using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Story;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Ingestion;

public sealed class ExtractionFailureTests
{
    /// <summary>The story's extractor, except that it throws on any text containing <see cref="Marker"/>; counts its calls per text.</summary>
    sealed class FailingOnMarker(IArticleExtractor real) : IArticleExtractor
    {
        public const string Marker = "three-year";
        public ConcurrentDictionary<string, int> Calls { get; } = new();

        public ExtractionResult Extract(string text, DateTimeOffset published)
        {
            Calls.AddOrUpdate(text, 1, (_, n) => n + 1);
            return text.Contains(Marker) ? throw new InvalidOperationException("a bug in extraction") : real.Extract(text, published);
        }
    }

    [Fact]
    public async Task An_article_extraction_fails_on_is_kept_pending_not_retried_every_pass_and_extracted_by_the_next_process()
    {
        FailingOnMarker? failing = null;
        await using var app = new TestApp(services: s => s.AddSingleton<IArticleExtractor>(sp =>
            failing = new FailingOnMarker(sp.GetRequiredService<StoryCatalog>().Extractor)));
        await app.IngestAsync();

        // Stored with its text, pending, with no facts; the other articles are extracted as usual.
        var articles = await app.WithDbAsync(db => db.Articles.Select(a => new { a.Id, a.Text, a.ExtractedAt, Claims = a.Claims.Count }).ToListAsync());
        var broken = Assert.Single(articles, a => a.Text.Contains(FailingOnMarker.Marker));
        Assert.Null(broken.ExtractedAt);
        Assert.Equal(0, broken.Claims);
        Assert.All(articles.Where(a => a.Id != broken.Id), a => Assert.NotNull(a.ExtractedAt));
        Assert.True(articles.Count(a => a.Claims > 0) >= 3);
        using var client = app.CreateClient();
        var page = await client.GetDocumentAsync($"/articles/{broken.Id}");
        Assert.Contains(FailingOnMarker.Marker, page.QuerySelector("main")!.TextContent);

        // Later ticks' pending passes leave it alone: it failed once in this process and would fail the same way.
        for (int tick = 0; tick < 3; tick++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexPendingAsync(CancellationToken.None));
        }
        Assert.Equal(1, failing!.Calls[broken.Text]);
        Assert.Equal(1, app.Services.GetRequiredService<ArticleExtraction>().FailedCount);
        var feeds = await client.GetDocumentAsync("/feeds");
        Assert.Contains("1 waiting for extraction", feeds.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Extraction failed on 1 article", feeds.QuerySelector(".note")!.TextContent);

        // A new process with a working extractor (a fixed build) finishes it.
        await using var fixedBuild = new TestApp(sharingStoreOf: app);
        await using (var scope = fixedBuild.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ArticleIndexer>().IndexPendingAsync(CancellationToken.None));
        var after = await fixedBuild.WithDbAsync(db => db.Articles.Where(a => a.Id == broken.Id).Select(a => new { a.ExtractedAt, Claims = a.Claims.Count }).SingleAsync());
        Assert.NotNull(after.ExtractedAt);
        Assert.True(after.Claims > 0);
    }
}
