using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsTracker.Web.Commands;
using NewsTracker.Web.Data;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Commands;

public sealed class CopyStoreTests
{
    [PostgresFact]
    public async Task A_SQLite_store_is_copied_to_PostgreSQL_with_every_row_and_id_and_the_counts_compared()
    {
        await using var app = new TestApp(); // SQLite, with the sample ingested
        await app.IngestAsync();
        string target = TestPostgres.NewDatabase();
        try
        {
            var output = new StringWriter();
            int exit = await app.WithDbAsync(db => CopyStoreCommand.RunAsync(db, target, TimeProvider.System, output, CancellationToken.None));

            Assert.True(exit == 0, output.ToString());
            Assert.Matches(@"Articles\s+5\s+5", output.ToString());
            Assert.Contains("the counts agree", output.ToString());

            await using var copy = new NewsTrackerDb(new DbContextOptionsBuilder<NewsTrackerDb>().UseStore(StoreProvider.PostgreSql, target).Options);
            var original = await app.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Claims).OrderBy(a => a.Id).ToListAsync());
            var copied = await copy.Articles.AsNoTracking().Include(a => a.Claims).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(original.Select(a => (a.Id, a.CanonicalUrl, a.Text, a.PublishedAt, a.ExtractedAt)),
                copied.Select(a => (a.Id, a.CanonicalUrl, a.Text, a.PublishedAt, a.ExtractedAt)));
            Assert.Equal(original.SelectMany(a => a.Claims).Select(c => (c.Id, c.Text, string.Join('|', c.Topics))),
                copied.SelectMany(a => a.Claims).Select(c => (c.Id, c.Text, string.Join('|', c.Topics))));
            Assert.Equal(await app.WithDbAsync(db => db.Actors.Select(a => a.Aliases.Count).SumAsync()), await copy.Actors.Select(a => a.Aliases.Count).SumAsync());

            // New rows get new ids after the copied ones.
            copy.Feeds.Add(new Feed { Url = "https://news.test/after-copy.xml", AddedAt = DateTimeOffset.UtcNow });
            await copy.SaveChangesAsync();

            // A database that already holds a store is not copied into.
            var again = new StringWriter();
            Assert.Equal(1, await app.WithDbAsync(db => CopyStoreCommand.RunAsync(db, target, TimeProvider.System, again, CancellationToken.None)));
            Assert.Contains("already holds data", again.ToString());
        }
        finally
        {
            await TestPostgres.DropAsync(target);
        }
    }
}
