namespace NewsTracker.Web.Ingestion;

/// <summary>
/// Lets one ingestion write to the store at a time. Feeds are fetched, parsed and their pages downloaded
/// concurrently; only the short store-and-index step passes through here, because SQLite has one writer
/// and two writers upgrading their read locks at once would fail rather than wait.
/// </summary>
public sealed class StoreGate
{
    readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try { return await write(); }
        finally { _gate.Release(); }
    }
}
