using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Data;

public sealed class BulkInsertTests
{
    static Claim ClaimOf(int articleId, int speakerId) => new()
    {
        ArticleId = articleId, SpeakerId = speakerId, Kind = ClaimKind.Statement,
        Text = "Zelenskyy said “peace” must be just — 🇺🇦, ünïcödé", Start = 10, End = 62, SentenceStart = 0, SentenceEnd = 80,
        Topics = ["ceasefire", "security-guarantees"],
    };

    static async Task<List<string>> ClaimColumnsAsync(NewsTrackerDb db, int claimId)
    {
        // Raw columns, not entities read back: a row must be stored as SaveChanges stores it (enum names, list format).
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""SELECT "Kind", "Text", "Start", "End", "SentenceStart", "SentenceEnd", "Topics", "SpeakerId" FROM "Claims" WHERE "Id" = {claimId}""";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return [.. Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetFieldType(i).Name}:{reader.GetValue(i)}")];
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    /// <summary>The sample ingested, and an article and an actor of it for new claims to hang off.</summary>
    static async Task<(int ArticleId, int SpeakerId)> IngestedArticleAndSpeakerAsync(TestApp app)
    {
        await app.IngestAsync();
        return await app.WithDbAsync(async db =>
            (await db.Articles.Select(a => a.Id).FirstAsync(), await db.Actors.Select(a => a.Id).FirstAsync()));
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task A_row_it_inserts_is_stored_as_SaveChanges_stores_it_inside_the_current_transaction(StoreProvider provider)
    {
        await using var app = new TestApp(provider: provider);
        var (articleId, speakerId) = await IngestedArticleAndSpeakerAsync(app);

        var columns = await app.WithDbAsync(async db =>
        {
            var saved = ClaimOf(articleId, speakerId);
            db.Claims.Add(saved);
            await db.SaveChangesAsync();

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await db.InsertAllAsync([ClaimOf(articleId, speakerId)], skipExisting: false, CancellationToken.None);
                await tx.CommitAsync();
            }
            int inserted = await db.Claims.MaxAsync(c => c.Id);
            Assert.NotEqual(saved.Id, inserted);
            return (Saved: await ClaimColumnsAsync(db, saved.Id), Inserted: await ClaimColumnsAsync(db, inserted));
        });
        Assert.Equal(columns.Saved, columns.Inserted);

        // Rolled back with the transaction it ran in.
        int before = await app.WithDbAsync(db => db.Claims.CountAsync());
        await app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAllAsync([ClaimOf(articleId, speakerId), ClaimOf(articleId, speakerId)], skipExisting: false, CancellationToken.None);
            Assert.Equal(before + 2, await db.Claims.CountAsync());
            await tx.RollbackAsync();
            return 0;
        });
        Assert.Equal(before, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Rows_beyond_one_statement_are_all_stored_in_order_and_counted_by_the_triggers(StoreProvider provider)
    {
        await using var app = new TestApp(provider: provider);
        var (articleId, speakerId) = await IngestedArticleAndSpeakerAsync(app);
        int spokenBefore = await app.WithDbAsync(db => db.ActorClaims.Where(c => c.ActorId == speakerId).Select(c => c.Claims).SingleOrDefaultAsync());
        int lastBefore = await app.WithDbAsync(db => db.Claims.MaxAsync(c => c.Id));

        // Two full statements and a shorter last one.
        const int Rows = 1_234;
        await app.WithDbAsync(async db =>
        {
            var rows = Enumerable.Range(0, Rows).Select(i => { var claim = ClaimOf(articleId, speakerId); claim.Start = i; return claim; }).ToList();
            await db.InsertAllAsync(rows, skipExisting: false, CancellationToken.None);
            return 0;
        });

        var starts = await app.WithDbAsync(db => db.Claims.Where(c => c.Id > lastBefore).OrderBy(c => c.Id).Select(c => c.Start).ToListAsync());
        Assert.Equal(Enumerable.Range(0, Rows), starts);
        Assert.Equal(spokenBefore + Rows, await app.WithDbAsync(db => db.ActorClaims.Where(c => c.ActorId == speakerId).Select(c => c.Claims).SingleAsync()));
    }

    [Theory, InlineData(StoreProvider.Sqlite), PostgresData]
    public async Task Existing_keys_are_skipped_when_asked_and_a_broken_row_fails_with_the_database_s_reason(StoreProvider provider)
    {
        await using var app = new TestApp(provider: provider);
        await app.IngestAsync();
        var (eventId, actorIds) = await app.WithDbAsync(async db =>
            (await db.Events.Select(e => e.Id).FirstAsync(), await db.Actors.OrderBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync()));
        int stored = await app.WithDbAsync(db => db.EventParticipants.CountAsync(p => p.EventId == eventId));

        await app.WithDbAsync(async db =>
        {
            var rows = actorIds.Select(id => new EventParticipant { EventId = eventId, ActorId = id }).ToList();
            await db.InsertAllAsync(rows, skipExisting: true, CancellationToken.None);
            await db.InsertAllAsync(rows, skipExisting: true, CancellationToken.None); // the same keys again: no error, no second row
            return 0;
        });
        var now = await app.WithDbAsync(db => db.EventParticipants.Where(p => p.EventId == eventId).Select(p => p.ActorId).ToListAsync());
        Assert.Equal(now.Count, now.Distinct().Count());
        Assert.Subset(now.ToHashSet(), actorIds.ToHashSet());
        Assert.True(now.Count >= stored);

        // A claim on an article that does not exist breaks a foreign key: the database's own error, nothing written.
        int claims = await app.WithDbAsync(db => db.Claims.CountAsync());
        var error = await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(async db =>
        {
            await db.InsertAllAsync([ClaimOf(articleId: 987654, speakerId: actorIds[0])], skipExisting: false, CancellationToken.None);
            return 0;
        }));
        Assert.Contains("foreign key", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(claims, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }
}
