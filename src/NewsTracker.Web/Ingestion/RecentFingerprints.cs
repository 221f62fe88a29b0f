using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Ingestion;

/// <summary>A stored article's text fingerprint, for the near-duplicate check.</summary>
public sealed record StoredFingerprint(int Id, long Fingerprint);

/// <summary>
/// The fingerprints of the latest stored articles, which new items are compared with for near-identical text. On
/// SQLite they are kept here and topped up with what was stored since the last batch (an index range on Id): reading
/// the latest 5,000 again for every batch was 500 rows per article for feeds of ten items. SQLite commits one writer
/// at a time and never reuses an AUTOINCREMENT id, so ids are committed in order and nothing stored by another process
/// is skipped. PostgreSQL commits concurrent instances' ids out of order, so there the latest are read for every batch.
/// Called only inside the store gate. An article deleted since stays listed until it ages out; the check looks the
/// article up, so it is then skipped.
/// </summary>
public sealed class RecentFingerprints
{
    public const int Capacity = 5000;

    /// <summary>Oldest first, at most <see cref="Capacity"/>.</summary>
    readonly List<StoredFingerprint> latest = [];
    int newestId;

    public async Task<IReadOnlyList<StoredFingerprint>> LatestAsync(NewsTrackerDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            return await ReadAsync(db, afterId: 0, ct);
        var added = await ReadAsync(db, newestId, ct);
        if (added.Count == 0) return latest;
        latest.AddRange(added);
        if (latest.Count > Capacity) latest.RemoveRange(0, latest.Count - Capacity);
        newestId = latest[^1].Id;
        return latest;
    }

    /// <summary>The latest <see cref="Capacity"/> after <paramref name="afterId"/>, oldest first.</summary>
    static async Task<List<StoredFingerprint>> ReadAsync(NewsTrackerDb db, int afterId, CancellationToken ct)
    {
        var rows = await db.Articles.Where(a => a.Id > afterId && a.Fingerprint != null).OrderByDescending(a => a.Id).Take(Capacity)
            .Select(a => new StoredFingerprint(a.Id, a.Fingerprint!.Value)).ToListAsync(ct);
        rows.Reverse();
        return rows;
    }
}
