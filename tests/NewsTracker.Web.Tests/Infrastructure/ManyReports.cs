using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Tests.Infrastructure;

/// <summary>The sample's first reported event reported <c>copies</c> more times, by copies of its first report's article spread over 40 outlets.</summary>
public static class ManyReports
{
    public static Task<int> AddAsync(TestApp app, int copies) => app.WithDbAsync(async db =>
    {
        var report = await db.EventReports.Include(r => r.Article).OrderBy(r => r.Id).FirstAsync();
        var source = report.Article!;
        for (int i = 0; i < copies; i++)
        {
            var copy = new Article
            {
                Url = $"https://wire.test/copy/{i}", CanonicalUrl = $"https://wire.test/copy/{i}", Title = $"{source.Title} ({i})",
                Source = $"outlet{i % 40}.test", PublishedAt = source.PublishedAt.AddMinutes(i), FetchedAt = source.FetchedAt,
                Text = source.Text, ExtractedAt = source.ExtractedAt,
            };
            db.Articles.Add(copy);
            db.EventReports.Add(new EventReport { EventId = report.EventId, Article = copy, SentenceStart = report.SentenceStart, SentenceEnd = report.SentenceEnd });
        }
        await db.SaveChangesAsync();
        return report.EventId;
    });
}
